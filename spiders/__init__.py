"""The Scrapy project: one generic spider per job platform, driven by the sources registry."""
