-- CreateEnum
CREATE TYPE "membership_role" AS ENUM ('OWNER', 'ADMIN', 'VIEWER');

-- CreateEnum
CREATE TYPE "application_type" AS ENUM ('WEB', 'API');

-- CreateEnum
CREATE TYPE "identity_provider_protocol" AS ENUM ('OIDC', 'SAML');

-- CreateEnum
CREATE TYPE "identity_provider_preset" AS ENUM ('GOOGLE', 'MICROSOFT', 'OKTA', 'AUTH0', 'KEYCLOAK', 'GENERIC');

-- CreateEnum
CREATE TYPE "attribute_pass_type" AS ENUM ('HEADER', 'COOKIE', 'JWT');

-- CreateEnum
CREATE TYPE "role_mapping_kind" AS ENUM ('CLAIM', 'EXPRESSION');

-- CreateEnum
CREATE TYPE "role_mapping_operator" AS ENUM ('EQUALS', 'CONTAINS', 'EXISTS');

-- CreateEnum
CREATE TYPE "path_match" AS ENUM ('EXACT', 'PREFIX', 'REGEX');

-- CreateEnum
CREATE TYPE "deployment_key_purpose" AS ENUM ('SESSION', 'ASSERTION');

-- CreateEnum
CREATE TYPE "agent_health" AS ENUM ('OK', 'DEGRADED');

-- CreateEnum
CREATE TYPE "rule_action" AS ENUM ('PROTECTED', 'NOT_PROTECTED', 'DENY');

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "membership_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "membership_role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "invited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployments" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "config_version" INTEGER NOT NULL DEFAULT 0,
    "trusted_proxies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provisioning_keys" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "secret_prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "provisioning_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "type" "application_type" NOT NULL DEFAULT 'WEB',
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "application_url" TEXT NOT NULL,
    "listen_port" INTEGER NOT NULL,
    "upstream_servers" TEXT[],
    "preserve_host" BOOLEAN NOT NULL DEFAULT false,
    "reserved_path_prefix" TEXT NOT NULL DEFAULT '/.gatehouse',
    "session_max_age_seconds" INTEGER NOT NULL DEFAULT 28800,
    "session_idle_timeout_seconds" INTEGER NOT NULL DEFAULT 3600,
    "single_sign_out" BOOLEAN NOT NULL DEFAULT false,
    "post_logout_redirect_url" TEXT,
    "assertion_header_name" TEXT NOT NULL DEFAULT 'X-Gatehouse-Jwt-Assertion',
    "assertion_ttl_seconds" INTEGER NOT NULL DEFAULT 60,
    "default_role" TEXT,
    "default_action" "rule_action" NOT NULL DEFAULT 'PROTECTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_providers" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "protocol" "identity_provider_protocol" NOT NULL DEFAULT 'OIDC',
    "provider" "identity_provider_preset" NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_ciphertext" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY['openid', 'email', 'profile']::TEXT[],
    "claim_email" TEXT NOT NULL DEFAULT 'email',
    "claim_username" TEXT NOT NULL DEFAULT 'preferred_username',
    "claim_groups" TEXT NOT NULL DEFAULT 'groups',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_identity_providers" (
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "identity_provider_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_identity_providers_pkey" PRIMARY KEY ("application_id","identity_provider_id")
);

-- CreateTable
CREATE TABLE "attribute_passes" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "attribute_pass_type" NOT NULL,
    "join" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attribute_passes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_mappings" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "role_mapping_kind" NOT NULL,
    "claim" TEXT,
    "operator" "role_mapping_operator",
    "value" TEXT,
    "expression" TEXT,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "role_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rules" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "path_match" "path_match" NOT NULL,
    "path" TEXT NOT NULL,
    "methods" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "conditions" JSONB NOT NULL,
    "action" "rule_action" NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "config_revisions" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "config_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployment_keys" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "purpose" "deployment_key_purpose" NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "public_jwk" JSONB,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deployment_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_instances" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "provisioning_key_id" TEXT,
    "instance_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "agent_version" TEXT NOT NULL,
    "config_version" INTEGER,
    "health" "agent_health" NOT NULL,
    "last_error" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agent_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "role" "membership_role",
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "actor_api_token_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_organization_id_user_id_key" ON "memberships"("organization_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_organization_id_email_idx" ON "invitations"("organization_id", "email");

-- CreateIndex
CREATE INDEX "invitations_invited_by_id_idx" ON "invitations"("invited_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "deployments_organization_id_name_key" ON "deployments"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "deployments_id_organization_id_key" ON "deployments"("id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "provisioning_keys_key_id_key" ON "provisioning_keys"("key_id");

-- CreateIndex
CREATE INDEX "provisioning_keys_organization_id_idx" ON "provisioning_keys"("organization_id");

-- CreateIndex
CREATE INDEX "provisioning_keys_deployment_id_idx" ON "provisioning_keys"("deployment_id");

-- CreateIndex
CREATE INDEX "applications_organization_id_idx" ON "applications"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "applications_deployment_id_name_key" ON "applications"("deployment_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "applications_id_organization_id_key" ON "applications"("id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "applications_id_deployment_id_key" ON "applications"("id", "deployment_id");

-- CreateIndex
CREATE INDEX "identity_providers_organization_id_idx" ON "identity_providers"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_providers_deployment_id_name_key" ON "identity_providers"("deployment_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "identity_providers_id_deployment_id_key" ON "identity_providers"("id", "deployment_id");

-- CreateIndex
CREATE INDEX "application_identity_providers_organization_id_idx" ON "application_identity_providers"("organization_id");

-- CreateIndex
CREATE INDEX "application_identity_providers_identity_provider_id_idx" ON "application_identity_providers"("identity_provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_identity_providers_application_id_position_key" ON "application_identity_providers"("application_id", "position");

-- CreateIndex
CREATE INDEX "attribute_passes_organization_id_idx" ON "attribute_passes"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "attribute_passes_application_id_position_key" ON "attribute_passes"("application_id", "position");

-- CreateIndex
CREATE INDEX "role_mappings_organization_id_idx" ON "role_mappings"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_mappings_application_id_position_key" ON "role_mappings"("application_id", "position");

-- CreateIndex
CREATE INDEX "rules_organization_id_idx" ON "rules"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "rules_application_id_priority_key" ON "rules"("application_id", "priority");

-- CreateIndex
CREATE INDEX "config_revisions_organization_id_idx" ON "config_revisions"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "config_revisions_deployment_id_version_key" ON "config_revisions"("deployment_id", "version");

-- CreateIndex
CREATE INDEX "deployment_keys_deployment_id_purpose_idx" ON "deployment_keys"("deployment_id", "purpose");

-- CreateIndex
CREATE INDEX "deployment_keys_organization_id_idx" ON "deployment_keys"("organization_id");

-- CreateIndex
CREATE INDEX "agent_instances_organization_id_idx" ON "agent_instances"("organization_id");

-- CreateIndex
CREATE INDEX "agent_instances_provisioning_key_id_idx" ON "agent_instances"("provisioning_key_id");

-- CreateIndex
CREATE UNIQUE INDEX "agent_instances_deployment_id_instance_id_key" ON "agent_instances"("deployment_id", "instance_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_organization_id_user_id_idx" ON "api_tokens"("organization_id", "user_id");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "audit_events_organization_id_created_at_idx" ON "audit_events"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_user_id_idx" ON "audit_events"("actor_user_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_api_token_id_idx" ON "audit_events"("actor_api_token_id");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provisioning_keys" ADD CONSTRAINT "provisioning_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provisioning_keys" ADD CONSTRAINT "provisioning_keys_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provisioning_keys" ADD CONSTRAINT "provisioning_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_identity_providers" ADD CONSTRAINT "application_identity_providers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_identity_providers" ADD CONSTRAINT "application_identity_providers_deployment_id_organization__fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_identity_providers" ADD CONSTRAINT "application_identity_providers_application_id_deployment_i_fkey" FOREIGN KEY ("application_id", "deployment_id") REFERENCES "applications"("id", "deployment_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_identity_providers" ADD CONSTRAINT "application_identity_providers_identity_provider_id_deploy_fkey" FOREIGN KEY ("identity_provider_id", "deployment_id") REFERENCES "identity_providers"("id", "deployment_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribute_passes" ADD CONSTRAINT "attribute_passes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribute_passes" ADD CONSTRAINT "attribute_passes_application_id_organization_id_fkey" FOREIGN KEY ("application_id", "organization_id") REFERENCES "applications"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_mappings" ADD CONSTRAINT "role_mappings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_mappings" ADD CONSTRAINT "role_mappings_application_id_organization_id_fkey" FOREIGN KEY ("application_id", "organization_id") REFERENCES "applications"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rules" ADD CONSTRAINT "rules_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rules" ADD CONSTRAINT "rules_application_id_organization_id_fkey" FOREIGN KEY ("application_id", "organization_id") REFERENCES "applications"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "config_revisions" ADD CONSTRAINT "config_revisions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "config_revisions" ADD CONSTRAINT "config_revisions_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_keys" ADD CONSTRAINT "deployment_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_keys" ADD CONSTRAINT "deployment_keys_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_instances" ADD CONSTRAINT "agent_instances_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_instances" ADD CONSTRAINT "agent_instances_deployment_id_organization_id_fkey" FOREIGN KEY ("deployment_id", "organization_id") REFERENCES "deployments"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_instances" ADD CONSTRAINT "agent_instances_provisioning_key_id_fkey" FOREIGN KEY ("provisioning_key_id") REFERENCES "provisioning_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_user_id_fkey" FOREIGN KEY ("organization_id", "user_id") REFERENCES "memberships"("organization_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_api_token_id_fkey" FOREIGN KEY ("actor_api_token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
