"""ClinicHub: practice-management backend for small and medium clinics."""

__version__ = "0.1.0"
