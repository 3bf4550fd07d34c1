"""seed_bench: the city-sized dataset `make bench` measures (docs/performance.md).

One module per domain, like seed_demo's: `people` (staff, volunteers, applications),
`activities` (activities, shifts, sign-ups, hours), `community` (ideas, their supports,
comments and history, nicknames, announcements). Each step is a function of
(writer, sizes, reference, seed) called in order by
`esit/demo/management/commands/seed_bench.py`; the next capabilities add their module and a
step there when their app exists.
"""
