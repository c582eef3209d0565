"""Patients' documents: ID photos, insurance cards, referral letters, lab reports, consents."""
