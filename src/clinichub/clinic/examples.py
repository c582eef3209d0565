"""The OpenAPI examples of the clinic's operation (`clinic_get`)."""

from clinichub.openapi_examples import Examples, _one

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "clinic_get": {
        "200": _one(
            "A clinic in Puerto Rico",
            {
                "timezone": "America/Puerto_Rico",
                "currency": "USD",
                "today": "2026-04-15",
                "password_min_length": 8,
                "password_max_bytes": 72,
                "document_max_bytes": 10485760,
                "default_cpt_code": "99213",
            },
        )
    }
}
