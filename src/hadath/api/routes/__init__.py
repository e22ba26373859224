"""The API's routers, one module per group of endpoints (the tags of the OpenAPI documentation)."""
