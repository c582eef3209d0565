import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Schemas } from "../../api/client";
import { ADMIN, page, renderPage, resetPages, seriousViolations } from "../../testing";
import { Documents } from "./Documents";

const photo: Schemas["DocumentRead"] = {
  document_id: 7,
  patient_id: 3,
  kind: "photo_id",
  title: null,
  plan_id: null,
  content_type: "image/jpeg",
  size_bytes: 48_000,
  sha256: "0".repeat(64),
  has_thumbnail: true,
  uploaded_by_user_id: 1,
  uploaded_at: "2026-12-07T14:30:00Z",
};
const referral = {
  ...photo,
  document_id: 8,
  kind: "referral",
  title: "Cardiology",
  content_type: "application/pdf",
  size_bytes: 2_400_000,
  has_thumbnail: false,
} as const;

const routes = (documents: Schemas["DocumentRead"][]) => ({
  "GET /api/patients/3/documents": () => page(documents, "documents"),
  "GET /api/patients/3/plan": () => ({ plan: null }),
  "GET /api/users": () => page([ADMIN], "users"),
  "GET /api/documents/7/thumbnail": () => "jpeg",
  "DELETE /api/documents/8": () => ({ message: "Document retired successfully", document_id: 8 }),
});

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => "blob:thumbnail");
  URL.revokeObjectURL = vi.fn();
});
afterEach(resetPages);

describe("a patient's documents", () => {
  it("shows the front desk the list the API gives it, with thumbnails, and says what it leaves out", async () => {
    const receptionist = { ...ADMIN, role: "receptionist" };
    const { calls, container, unmount } = renderPage(
      <Documents patientId={3} zone="UTC" />,
      routes([photo]),
      { user: receptionist },
    );
    const thumbnail = await screen.findByRole("img", { name: "Preview: Photo ID" });
    expect(thumbnail.getAttribute("src")).toBe("blob:thumbnail");
    expect(
      screen.getByText(/are for clinicians and admins: they are not listed here/),
    ).toBeTruthy();
    expect(await screen.findByText("47 KB · Ada Admin · Mon, 7 Dec 2026, 14:30")).toBeTruthy();
    const list = calls.find((call) => call.url.pathname === "/api/patients/3/documents");
    expect(list?.url.searchParams.has("kind")).toBe(false);
    expect(screen.queryByRole("button", { name: /^Retire/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Upload a document" }));
    fireEvent.click(screen.getByRole("textbox", { name: "Kind" }));
    expect(await screen.findByRole("option", { name: "Referral (clinicians only)" })).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);

    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:thumbnail");
  });

  it("lets an admin retire a document after a confirmation", async () => {
    const { calls } = renderPage(<Documents patientId={3} zone="UTC" />, routes([referral]));
    fireEvent.click(await screen.findByRole("button", { name: "Retire Referral: Cardiology" }));
    fireEvent.click(await screen.findByRole("button", { name: "Retire document" }));
    // Retired, it is gone from the list: the list is asked for again.
    const lists = () => calls.filter((call) => call.url.pathname === "/api/patients/3/documents");
    await waitFor(() => expect(lists()).toHaveLength(2));
    const retired = calls.filter((call) => call.method === "DELETE");
    expect(retired.map((call) => call.url.pathname)).toEqual(["/api/documents/8"]);
  });
});
