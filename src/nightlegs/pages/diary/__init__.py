"""The night diary's pages and the doctor's view of a shared diary."""
