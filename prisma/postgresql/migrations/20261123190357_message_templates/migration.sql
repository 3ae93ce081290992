-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reset" BOOLEAN NOT NULL DEFAULT false,
    "subject" TEXT,
    "preheader" TEXT,
    "html" TEXT,
    "text" TEXT,
    "body" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageTemplate_shop_createdAt_idx" ON "MessageTemplate"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_shop_trigger_step_channel_locale_version_key" ON "MessageTemplate"("shop", "trigger", "step", "channel", "locale", "version");

