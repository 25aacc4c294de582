"""The results page and the doctor's PDF."""
