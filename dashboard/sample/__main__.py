"""python -m dashboard.sample [PATH]: write the sample workbook."""

from . import main

raise SystemExit(main())
