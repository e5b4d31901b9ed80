-- A new installation requires a second person's approval before a flow version goes live (four
-- eyes by default; an admin may turn it off, audited). V30 wrote 'false' for every installation;
-- one that already has flow versions keeps what it ran with, and a setting a person changed is
-- left alone. The demo network turns approval off when it seeds, and says so in the log.
UPDATE compliance_settings
   SET value = 'true', updated_at = now(), updated_by = 'migration V39'
 WHERE key = 'requireApproval'
   AND updated_by = 'migration'
   AND NOT EXISTS (SELECT 1 FROM flow_versions);
