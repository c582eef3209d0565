import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import Staff from "./Staff";
import { page, renderPage, Reply, resetPages, seriousViolations } from "../../testing";

const nurse = {
  user_id: 5,
  email: "nina@clinic.example",
  first_name: "Nina",
  last_name: "Nurse",
  phone: null,
  role: "nurse",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  version: 2,
};

afterEach(resetPages);

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("the staff page", () => {
  it("lists staff with their filters", async () => {
    const { calls, container } = renderPage(<Staff />, {
      "GET /api/users": () => page([nurse], "users"),
    });
    expect(await screen.findByRole("heading", { level: 2, name: "Staff" })).toBeTruthy();
    await screen.findByText("Nurse, Nina");
    fill(/Search by name or email/, "nina");
    await waitFor(() =>
      expect(calls.some((call) => call.url.searchParams.get("search") === "nina")).toBe(true),
    );
    expect(await seriousViolations(container)).toEqual([]);
  });

  it("shows the password rules' refusal next to the field and keeps what was typed", async () => {
    const { calls } = renderPage(<Staff />, {
      "GET /api/users": () => page([nurse], "users"),
      "POST /api/users": () => {
        throw new Reply(400, {
          error: "Invalid value for password: This password is too common",
          code: "invalid_request",
          details: [{ field: "password", message: "This password is too common" }],
        });
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "New staff member" }));
    const dialog = await screen.findByRole("dialog");
    fill(/First name/, "Rita");
    fill(/Last name/, "Reception");
    fill(/Email/, "rita@clinic.example");
    fill(/Initial password/, "password1");
    fireEvent.click(within(dialog).getByRole("button", { name: "Create account" }));
    expect(await within(dialog).findByText("Choose a role")).toBeTruthy();
    const created = () =>
      calls.filter((call) => call.url.pathname === "/api/users" && call.method === "POST");
    expect(created()).toEqual([]);

    // The role, chosen from the list.
    fireEvent.click(within(dialog).getByRole("textbox", { name: /Role/ }));
    const choices = await screen.findAllByRole("option", { name: "Front desk", hidden: true });
    fireEvent.click(choices.at(-1) as HTMLElement);
    fireEvent.click(within(dialog).getByRole("button", { name: "Create account" }));
    expect(await within(dialog).findByText("This password is too common")).toBeTruthy();
    const post = created()[0];
    expect(post?.body).toMatchObject({ role: "receptionist", email: "rita@clinic.example" });
    expect(post?.headers.get("Idempotency-Key")).toBeTruthy();
    expect((screen.getByLabelText(/First name/) as HTMLInputElement).value).toBe("Rita");
  });

  it("deactivates after a confirmation, against the version read", async () => {
    const { calls } = renderPage(<Staff />, {
      "GET /api/users": () => page([nurse], "users"),
      "PUT /api/users/5": () => ({ message: "User updated successfully", user: nurse }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Deactivate Nina Nurse" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Deactivate" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PUT")).toBe(true));
    const put = calls.find((call) => call.method === "PUT");
    expect(put?.body).toEqual({ is_active: false });
    expect(put?.headers.get("If-Match")).toBe('"2"');
  });
});
