-- One database per service, each owned by a role of its own that may do nothing else: no superuser,
-- no CREATEDB/CREATEROLE/replication, no CONNECT on the other databases (PUBLIC's CONNECT is revoked).
-- The superuser (POSTGRES_USER) is for this script and for operators only; no service uses it.
-- Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d, psql 15+ for \getenv);
-- the passwords come from the container's environment (docker-compose.yml, deploy/README.md).
-- The same split the launcher makes with DATABASE_URL (tools/launcher/src/databases.ts).
\set ON_ERROR_STOP on

\getenv gateway_password CFC_DB_PASSWORD_GATEWAY
\getenv identity_password CFC_DB_PASSWORD_IDENTITY
\getenv binding_password CFC_DB_PASSWORD_BINDING
\getenv consent_password CFC_DB_PASSWORD_CONSENT
\getenv ingestion_password CFC_DB_PASSWORD_INGESTION
\getenv report_password CFC_DB_PASSWORD_REPORT
\getenv audit_password CFC_DB_PASSWORD_AUDIT

CREATE ROLE cfc_gateway LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'gateway_password';
CREATE ROLE cfc_identity LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'identity_password';
CREATE ROLE cfc_binding LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'binding_password';
CREATE ROLE cfc_consent LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'consent_password';
CREATE ROLE cfc_ingestion LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'ingestion_password';
CREATE ROLE cfc_report LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'report_password';
CREATE ROLE cfc_audit LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'audit_password';

CREATE DATABASE cfc_gateway OWNER cfc_gateway;
CREATE DATABASE cfc_identity OWNER cfc_identity;
CREATE DATABASE cfc_binding OWNER cfc_binding;
CREATE DATABASE cfc_consent OWNER cfc_consent;
CREATE DATABASE cfc_ingestion OWNER cfc_ingestion;
CREATE DATABASE cfc_report OWNER cfc_report;
CREATE DATABASE cfc_audit OWNER cfc_audit;

REVOKE ALL ON DATABASE cfc_gateway, cfc_identity, cfc_binding, cfc_consent, cfc_ingestion, cfc_report, cfc_audit FROM PUBLIC;
REVOKE CONNECT ON DATABASE postgres, template1 FROM PUBLIC;
