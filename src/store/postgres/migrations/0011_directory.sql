-- The resource directory, and where clients live (coordinates, for distance to services).
CREATE TABLE services (
  id TEXT COLLATE "C" PRIMARY KEY,
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
  latitude_e6 BIGINT,  -- millionths of a degree
  longitude_e6 BIGINT,
  phone TEXT,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX services_organization ON services(organization_id, name);

ALTER TABLE clients ADD COLUMN latitude_e6 BIGINT;
ALTER TABLE clients ADD COLUMN longitude_e6 BIGINT;
