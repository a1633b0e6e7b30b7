"""ClaimReview, the schema.org markup of fact-checks: out (each verdict page's JSON-LD, and every
current verdict as one DataFeed) and in (the formats others publish, and their import)."""
