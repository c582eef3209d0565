"""Documents: upload and download throughput for a 5 MiB file, and a worker's peak memory while 8
such uploads run at once.

    .venv/bin/python -m bench.documents
    CLINICHUB_DOCUMENT_STORE=s3 CLINICHUB_S3_BUCKET=... .venv/bin/python -m bench.documents

The database (default `bench_documents` on the local server) is created and migrated when
missing. A uvicorn process (one worker, as `clinichub serve --workers 1` runs each) serves the
API on it; its resident memory (RSS) is sampled every 10 ms with psutil. Two files of 5 MiB are
measured: a PDF (kept byte for byte, after its objects are walked for active content) and a JPEG
photo (decoded, re-encoded without its EXIF, and given a thumbnail). Sequential requests over one
keep-alive connection give the throughput a single client sees; then 8 uploads start at once.
"""

import argparse
import asyncio
import io
import os
import random
import secrets
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg
import httpx
import psutil
from PIL import Image
from pypdf import PdfWriter

from bench.patients import (
    BENCH_EMAIL,
    BENCH_PASSWORD,
    ensure_bench_user,
    ensure_database,
    free_port,
    start_server,
)
from clinichub.cli import migrate
from clinichub.config import Settings

MiB = 1024 * 1024
SIZE = 5 * MiB


def pdf_of(size: int) -> bytes:
    """A one-page PDF padded to `size` bytes with an embedded stream of random bytes (a scan's
    image is as incompressible)."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_attachment("scan.bin", b"")
    output = io.BytesIO()
    writer.write(output)
    padding = size - len(output.getvalue()) - 64
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_attachment("scan.bin", random.Random(1).randbytes(padding))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def jpeg_of(size: int) -> bytes:
    """A photo of about `size` bytes: a 12-megapixel camera's frame (4000x3000) of smooth colour
    with noise, at the quality that brings it to the size."""
    rng = random.Random(2)
    width, height = 4000, 3000
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    image = Image.blend(base, noise, 0.25)
    best = b""
    for quality in (60, 70, 80, 85, 90, 95):
        output = io.BytesIO()
        image.save(output, "JPEG", quality=quality)
        if abs(len(output.getvalue()) - size) < abs(len(best) - size):
            best = output.getvalue()
    return best


@contextmanager
def peak_rss(process: psutil.Process) -> Iterator[list[int]]:
    """Samples `process`'s RSS every 10 ms while the block runs; the list holds the peak."""
    peak = [process.memory_info().rss]
    running = True

    def sample() -> None:
        while running:
            peak[0] = max(peak[0], process.memory_info().rss)
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        running = False
        sampler.join()


async def bench_patient(url: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        patient_id: int = await connection.fetchval(
            "INSERT INTO patients (first_name, last_name, dob) VALUES ('Bench', 'Documents',"
            " '1980-01-01') RETURNING patient_id"
        )
        return patient_id
    finally:
        await connection.close()


def throughput(seconds: list[float]) -> str:
    median = statistics.median(seconds)
    return f"{SIZE / MiB / median:6.1f} MiB/s  (median {median * 1000:6.1f} ms per 5 MiB)"


async def measure(
    base_url: str, server: psutil.Process, patient_id: int, name: str, content: bytes, runs: int
) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:
        login = await client.post(
            "/api/login", json={"email": BENCH_EMAIL, "password": BENCH_PASSWORD}
        )
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        files = {"file": (f"bench.{name.lower()}", content, "application/octet-stream")}
        path = f"/api/patients/{patient_id}/documents"
        form = {"kind": "lab_report"}

        async def upload() -> int:
            response = await client.post(path, files=files, data=form, headers=headers)
            assert response.status_code == 201, response.text
            document_id: int = response.json()["document"]["document_id"]
            return document_id

        document_id = await upload()  # warm-up
        uploads, downloads = [], []
        for _ in range(runs):
            started = time.perf_counter()
            await upload()
            uploads.append(time.perf_counter() - started)
        for _ in range(runs):
            started = time.perf_counter()
            response = await client.get(f"/api/documents/{document_id}/content", headers=headers)
            assert response.status_code == 200
            downloads.append(time.perf_counter() - started)

        idle = server.memory_info().rss
        peaks = []
        batches = []
        for _ in range(3):
            with peak_rss(server) as peak:
                started = time.perf_counter()
                await asyncio.gather(*(upload() for _ in range(8)))
                batches.append(time.perf_counter() - started)
            peaks.append(peak[0])
    print(f"{name} of {len(content) / MiB:.2f} MiB ({runs} sequential requests each)")
    print(f"  upload    {throughput(uploads)}")
    print(f"  download  {throughput(downloads)}")
    print(
        f"  8 uploads at once: {statistics.median(batches):.2f} s for 40 MiB;"
        f" worker RSS {idle / MiB:.0f} MiB idle, peak {max(peaks) / MiB:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "CLINICHUB_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench_documents"
        ),
        help="created and migrated if missing",
    )
    parser.add_argument("--runs", type=int, default=10, help="sequential requests of each kind")
    args = parser.parse_args()

    url: str = args.database_url
    asyncio.run(ensure_database(url))
    migrate(Settings(database_url=url, secret_key=secrets.token_urlsafe(48), _env_file=None))
    asyncio.run(ensure_bench_user(url))
    patient_id = asyncio.run(bench_patient(url))
    files = {"PDF": pdf_of(SIZE), "JPEG": jpeg_of(SIZE)}

    port = free_port()
    server = start_server(url, port)
    try:
        process = psutil.Process(server.pid)
        store = os.environ.get("CLINICHUB_DOCUMENT_STORE", "postgres")
        started = process.memory_info().rss / MiB
        print(f"one uvicorn worker, documents in {store}; started at {started:.0f} MiB RSS\n")
        for name, content in files.items():
            asyncio.run(
                measure(f"http://127.0.0.1:{port}", process, patient_id, name, content, args.runs)
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
