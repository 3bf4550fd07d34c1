"""seed_bench: the city-sized dataset `make bench` measures (docs/performance.md).

One module per domain, like seed_demo's: `people` (staff, volunteers, applications),
`activities` (activities, shifts, sign-ups, hours). Each step is a function of
(writer, sizes, reference, seed) called in order by the command; the next capabilities
(ideas, announcements, …) add their module and a step to `STEPS` in
`esit/demo/management/commands/seed_bench.py` when their app exists.
"""
