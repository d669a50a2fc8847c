-- The resource directory, and where clients live (coordinates, for distance to services).
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  provider TEXT,
  needs TEXT NOT NULL,
  description TEXT,
  min_age INTEGER NOT NULL,
  max_age INTEGER NOT NULL,
  payers TEXT NOT NULL,
  area TEXT,
  languages TEXT NOT NULL,
  cost TEXT NOT NULL,
  accepting INTEGER NOT NULL,
  wait_days INTEGER NOT NULL,
  hours TEXT,
  address TEXT,
  latitude_e6 INTEGER,  -- millionths of a degree
  longitude_e6 INTEGER,
  phone TEXT,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX services_organization ON services(organization_id, name);

ALTER TABLE clients ADD COLUMN latitude_e6 INTEGER;
ALTER TABLE clients ADD COLUMN longitude_e6 INTEGER;
