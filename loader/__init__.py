"""Turn piles of news articles into one SQLite archive: read → normalize → extract → store → serve."""
