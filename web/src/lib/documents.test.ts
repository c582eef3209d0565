import { describe, expect, it } from "vitest";
import { RequestFailed } from "../api/errors";
import {
  ACCEPT,
  documentName,
  downloadName,
  fileFieldError,
  fileProblem,
  fileSize,
  KIND_LABEL,
  MAX_DOCUMENT_BYTES,
  mayRead,
  refusalOf,
  UPLOAD_KINDS,
} from "./documents";

const file = (name: string, size: number, type = "") => ({ name, size, type });

describe("who reads which kind", () => {
  it("gives receptionists identity and insurance papers only", () => {
    const readable = UPLOAD_KINDS.filter((kind) => mayRead("receptionist", kind));
    expect(readable).toEqual(["photo_id", "insurance_card_front", "insurance_card_back"]);
  });

  it("gives clinicians and admins every kind", () => {
    for (const role of ["admin", "doctor", "nurse"] as const) {
      expect(UPLOAD_KINDS.every((kind) => mayRead(role, kind))).toBe(true);
    }
  });

  it("lets every role upload every kind, as the API does", () => {
    expect([...UPLOAD_KINDS].sort()).toEqual(Object.keys(KIND_LABEL).sort());
  });
});

describe("sizes", () => {
  it("reads in KB below a megabyte and in MB from there", () => {
    expect(fileSize(1)).toBe("1 KB");
    expect(fileSize(2_400)).toBe("2 KB");
    expect(fileSize(1023 * 1024)).toBe("1023 KB");
    expect(fileSize(1024 * 1024)).toBe("1 MB");
    expect(fileSize(3_565_158)).toBe("3.4 MB");
    expect(fileSize(MAX_DOCUMENT_BYTES)).toBe("10 MB");
  });
});

describe("a file's check before it is sent", () => {
  it("accepts the API's types by declared type or by name", () => {
    expect(fileProblem(file("scan.pdf", 900_000))).toBeNull();
    expect(fileProblem(file("IMG_0042.HEIC", 2_000_000))).toBeNull();
    expect(fileProblem(file("image", 80_000, "image/jpeg"))).toBeNull();
    expect(fileProblem(file("card.webp", MAX_DOCUMENT_BYTES, "image/webp"))).toBeNull();
  });

  it("refuses other types, empty files and files over the limit, in a sentence", () => {
    expect(fileProblem(file("letter.docx", 20_000, "application/msword"))).toBe(
      "Only JPEG, PNG, WebP, HEIC or PDF files are accepted: choose a photo or a scan.",
    );
    expect(fileProblem(file("empty.png", 0, "image/png"))).toBe(
      "The file is empty: choose another.",
    );
    expect(fileProblem(file("big.jpg", MAX_DOCUMENT_BYTES + 1, "image/jpeg"))).toBe(
      "The file is larger than 10 MB: choose a smaller file or scan at a lower resolution.",
    );
    expect(fileProblem(file("huge.pdf", 15 * 1024 * 1024))).toMatch(
      /^The file is larger than 10 MB \(15 MB\): /,
    );
  });

  it("offers the same types in the file chooser", () => {
    expect(ACCEPT.split(",")).toEqual(
      expect.arrayContaining(["image/jpeg", "image/png", "image/webp", "application/pdf", ".heic"]),
    );
  });
});

describe("the API's refusals as sentences", () => {
  const failed = (status: number, error?: string) =>
    new RequestFailed(status, error === undefined ? undefined : { error, code: "invalid_request" });

  it("puts 403, 413 and 415 next to the file field", () => {
    const tooLarge = failed(413, "The file is too large: at most 26214400 bytes");
    expect(fileFieldError(tooLarge, 25 * 1024 * 1024)).toBe(
      "The file is too large: at most 25 MB is accepted.",
    );
    expect(
      fileFieldError(
        failed(415, "The file is a PNG file, but its file name says otherwise"),
        MAX_DOCUMENT_BYTES,
      ),
    ).toBe("The file is a PNG file, but its file name says otherwise.");
    expect(fileFieldError(failed(415), MAX_DOCUMENT_BYTES)).toBe(
      "Only JPEG, PNG, WebP, HEIC or PDF files are accepted.",
    );
    expect(fileFieldError(failed(403, "Forbidden"), MAX_DOCUMENT_BYTES)).toMatch(
      /^Your role may not open/,
    );
  });

  it("leaves the others to the form's notice", () => {
    expect(
      fileFieldError(failed(400, "Missing required field: kind"), MAX_DOCUMENT_BYTES),
    ).toBeUndefined();
    expect(fileFieldError(failed(500), MAX_DOCUMENT_BYTES)).toBeUndefined();
    expect(fileFieldError(new Error("offline"), MAX_DOCUMENT_BYTES)).toBeUndefined();
    expect(refusalOf(failed(0))).toBe(
      "The server cannot be reached. Check the connection and try again.",
    );
  });
});

describe("names", () => {
  it("names a download by kind and id, never by the patient", () => {
    const pdf = { document_id: 12, kind: "referral", content_type: "application/pdf" } as const;
    expect(downloadName(pdf)).toBe("referral-12.pdf");
    expect(downloadName({ ...pdf, kind: "photo_id", content_type: "image/jpeg" })).toBe(
      "photo_id-12.jpg",
    );
  });

  it("says what a document is, with its title when it has one", () => {
    expect(documentName({ kind: "lab_report", title: null })).toBe("Lab report");
    expect(documentName({ kind: "referral", title: "Cardiology" })).toBe("Referral: Cardiology");
  });
});
