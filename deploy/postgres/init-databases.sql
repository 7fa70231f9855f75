-- One database per service (each service owns its schema; none reads another's tables).
-- Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d).
CREATE DATABASE cfc_gateway;
CREATE DATABASE cfc_identity;
CREATE DATABASE cfc_binding;
CREATE DATABASE cfc_consent;
CREATE DATABASE cfc_ingestion;
CREATE DATABASE cfc_report;
CREATE DATABASE cfc_audit;
