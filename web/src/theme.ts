import { Alert, createTheme, NavLink } from "@mantine/core";

// Shade 8 of Mantine's blue and red, and gray 7 for dimmed text, meet WCAG AA contrast (4.5:1);
// the defaults do not.
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    NavLink: NavLink.extend({ defaultProps: { variant: "filled" } }),
    Alert: Alert.extend({ styles: { title: { color: "var(--mantine-color-text)" } } }),
  },
});

export const cssVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-error": "var(--mantine-color-red-8)",
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
  },
  dark: {},
});
