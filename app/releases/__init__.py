"""Open data as published releases: a year's protected tables, frozen and versioned."""
