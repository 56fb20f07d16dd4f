-- Cụm thi đua (emulation cluster): the group a unit is ranked beside in the `Xếp loại …` sheet. One
-- value per code on `units`, deliberately undated (docs/scores.md, "Clusters"): a cluster moves no
-- figure, total, grade or rank (a rank is among siblings, api-v1-2026.md §4), so the dated tree's rule
-- that earlier periods keep their totals byte for byte is untouched by a cluster change. NULL: none.
ALTER TABLE units ADD COLUMN cluster TEXT;
