"""Results spreadsheets (.xlsx, .csv) ↔ round data (issue #5, docs/batch.md).

``layout`` (sheets, columns, accepted headers), ``cells`` (a cell → a round value),
``reading`` (rows of each sheet), ``workbooks`` (the file read within bounds: bytes, zip
parts, rows, cells; issue 9), ``mapping`` (rows → round data, bad rows kept apart),
``writing`` (a round → a workbook or CSV files).
"""
