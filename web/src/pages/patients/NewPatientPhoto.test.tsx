import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, Reply, resetPages } from "../../testing";
import { CreatePatientForm } from "./PatientForm";

afterEach(resetPages);

const patient = {
  patient_id: 5,
  first_name: "Ana",
  last_name: "Rivera",
  dob: "1980-02-03",
  sex: null,
  email: null,
  phone: null,
  address: null,
  emergency_contact_name: null,
  emergency_contact_phone: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  version: 1,
};

function fillIn(photo: File) {
  for (const [label, value] of [
    ["First name", "Ana"],
    ["Last name", "Rivera"],
    ["Date of birth", "1980-02-03"],
  ]) {
    fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
  }
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  fireEvent.change(input as HTMLInputElement, { target: { files: [photo] } });
}

describe("a new patient with a photo ID", () => {
  it("keeps the patient when the photo is refused, and sends only the photo again", async () => {
    let uploads = 0;
    const onCreated = vi.fn();
    const { calls } = renderPage(<CreatePatientForm onCreated={onCreated} />, {
      "POST /api/patients": () => ({ message: "Patient created successfully", patient }),
      "POST /api/patients/5/documents": () => {
        uploads += 1;
        if (uploads === 1) {
          throw new Reply(415, {
            error: "The file is a PNG file, but its file name says otherwise",
            code: "document_type_mismatch",
          });
        }
        return { message: "Document uploaded successfully", document: {} };
      },
    });
    await screen.findByRole("button", { name: "Create patient" });
    fillIn(new File(["png"], "id.jpg", { type: "image/jpeg" }));
    fireEvent.click(screen.getByRole("button", { name: "Create patient" }));

    expect(await screen.findByText("The photo ID was not uploaded")).toBeTruthy();
    expect(
      screen.getByText("The file is a PNG file, but its file name says otherwise."),
    ).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Upload photo ID" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(patient));
    const posts = calls.filter(
      (call) => call.method === "POST" && call.url.pathname.startsWith("/api/patients"),
    );
    expect(posts.map((call) => call.url.pathname)).toEqual([
      "/api/patients",
      "/api/patients/5/documents",
      "/api/patients/5/documents",
    ]);
    expect(posts[1]?.body).toEqual({ file: "(file)", kind: "photo_id" });
    expect(posts[1]?.headers.get("Idempotency-Key")).toBeNull();
  });

  it("creates nobody while the chosen file is one the API would refuse", async () => {
    const { calls } = renderPage(<CreatePatientForm onCreated={() => undefined} />, {});
    await screen.findByRole("button", { name: "Create patient" });
    fillIn(new File(["%PDF"], "id.docx"));
    expect(await screen.findByText(/^Only JPEG, PNG, WebP, HEIC or PDF files/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create patient" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      calls.filter((call) => call.method === "POST" && call.url.pathname === "/api/patients"),
    ).toEqual([]);
  });
});
