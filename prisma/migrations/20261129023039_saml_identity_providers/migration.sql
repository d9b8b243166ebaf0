-- AlterTable
ALTER TABLE "identity_providers" ADD COLUMN     "saml_clock_skew_seconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "saml_metadata_url" TEXT,
ADD COLUMN     "saml_name_id_format" TEXT,
ADD COLUMN     "saml_signing_certificates" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "saml_slo_url" TEXT,
ADD COLUMN     "saml_sso_url" TEXT,
ADD COLUMN     "saml_want_assertions_signed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "saml_want_response_signed" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "client_id" DROP NOT NULL,
ALTER COLUMN "client_secret_ciphertext" DROP NOT NULL;
