-- A worker's events in order, for the audit history and asOf of its timesheets.
CREATE INDEX domain_event_entry_user ON domain_event_entry (tenant_id, (payload ->> 'userId'), global_index);
