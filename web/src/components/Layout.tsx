import { AppShell, Burger, Button, Group, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../auth/session";
import { menuFor } from "../lib/access";
import { Loading } from "./Status";

const ROLE_LABEL = { admin: "Admin", doctor: "Doctor", nurse: "Nurse", receptionist: "Front desk" };

/** The signed-in frame: the menu of what the role may do, and the page. */
export function Layout() {
  const { user, signedOut, signOut } = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  if (user === undefined) return <Loading label="Opening your session" />;
  if (user === null) {
    // An expired session returns to the page after signing in again; a sign-out does not.
    if (signedOut) return <Navigate to="/signin" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Menu"
            />
            <Title order={1} size="h3">
              ClinicHub
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Text size="sm" visibleFrom="xs" data-testid="signed-in-as">
              {user.first_name} {user.last_name} · {ROLE_LABEL[user.role]}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main menu">
        <nav>
          {menuFor(user.role).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={location.pathname.startsWith(item.to)}
              onClick={close}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
