"""The fault harness of issue 11: its own PostgreSQL clusters in network namespaces, real
`cronctl scheduler` runners, nemeses, and an event log for the checker."""
