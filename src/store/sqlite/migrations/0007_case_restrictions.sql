-- A part of a record may be restricted too: one case (e.g. a substance-use treatment episode
-- under 42 CFR Part 2) while the rest of the client's record stays open to the care team.
ALTER TABLE cases ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
