-- CreateTable
CREATE TABLE "ServiceUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "address" TEXT NOT NULL,
    "openingHours" TEXT NOT NULL,
    "phone" TEXT,
    "whatsapp" TEXT,
    "email" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceUnit_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ServiceUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitStaff" (
    "userId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "unitId"),
    CONSTRAINT "UnitStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitStaff_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Service" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'lainnya',
    "status" TEXT NOT NULL DEFAULT 'active',
    "currentVersionId" INTEGER,
    "lastCheckedAt" DATETIME NOT NULL,
    "lastCheckedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Service_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Service_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ServiceVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_lastCheckedById_fkey" FOREIGN KEY ("lastCheckedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "requirements" TEXT NOT NULL DEFAULT '[]',
    "stepsCounter" TEXT NOT NULL DEFAULT '[]',
    "stepsOnline" TEXT NOT NULL DEFAULT '[]',
    "onlineName" TEXT,
    "onlineUrl" TEXT,
    "durationValue" INTEGER NOT NULL,
    "durationUnit" TEXT NOT NULL,
    "costAmount" INTEGER NOT NULL DEFAULT 0,
    "costBasis" TEXT,
    "product" TEXT NOT NULL,
    "complaints" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "facilities" TEXT NOT NULL DEFAULT '',
    "competence" TEXT NOT NULL DEFAULT '',
    "oversight" TEXT NOT NULL DEFAULT '',
    "staffCount" TEXT NOT NULL DEFAULT '',
    "guarantee" TEXT NOT NULL DEFAULT '',
    "security" TEXT NOT NULL DEFAULT '',
    "evaluation" TEXT NOT NULL DEFAULT '',
    "effectiveFrom" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceVersion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceMaklumat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "signedOn" DATETIME NOT NULL,
    "imageKey" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceMaklumat_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceMaklumat_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceAnnouncement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceAnnouncement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceAnnouncement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QueueTicket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "priority" TEXT,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "channel" TEXT NOT NULL,
    "counter" TEXT,
    "servedById" INTEGER,
    "transferredFromId" INTEGER,
    "recalls" INTEGER NOT NULL DEFAULT 0,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calledAt" DATETIME,
    "servingAt" DATETIME,
    "servedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "QueueTicket_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_servedById_fkey" FOREIGN KEY ("servedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_transferredFromId_fkey" FOREIGN KEY ("transferredFromId") REFERENCES "QueueTicket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpdeskSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "ticketId" INTEGER,
    "onlineService" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL DEFAULT '',
    "canDoAlone" TEXT NOT NULL,
    "staffId" INTEGER,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "HelpdeskSession_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ServiceUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HelpdeskSession_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HelpdeskSession_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "QueueTicket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HelpdeskSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventService" (
    "eventId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,

    PRIMARY KEY ("eventId", "serviceId"),
    CONSTRAINT "EventService_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceUnit_slug_key" ON "ServiceUnit"("slug");

-- CreateIndex
CREATE INDEX "ServiceUnit_areaId_idx" ON "ServiceUnit"("areaId");

-- CreateIndex
CREATE INDEX "ServiceUnit_parentId_idx" ON "ServiceUnit"("parentId");

-- CreateIndex
CREATE INDEX "UnitStaff_unitId_role_idx" ON "UnitStaff"("unitId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_currentVersionId_key" ON "Service"("currentVersionId");

-- CreateIndex
CREATE INDEX "Service_unitId_status_name_idx" ON "Service"("unitId", "status", "name");

-- CreateIndex
CREATE INDEX "Service_status_lastCheckedAt_idx" ON "Service"("status", "lastCheckedAt");

-- CreateIndex
CREATE INDEX "Service_name_idx" ON "Service"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_serviceId_number_key" ON "ServiceVersion"("serviceId", "number");

-- CreateIndex
CREATE INDEX "ServiceMaklumat_unitId_signedOn_idx" ON "ServiceMaklumat"("unitId", "signedOn");

-- CreateIndex
CREATE INDEX "ServiceAnnouncement_unitId_startsAt_idx" ON "ServiceAnnouncement"("unitId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueueTicket_transferredFromId_key" ON "QueueTicket"("transferredFromId");

-- CreateIndex
CREATE INDEX "QueueTicket_unitId_day_status_idx" ON "QueueTicket"("unitId", "day", "status");

-- CreateIndex
CREATE INDEX "QueueTicket_unitId_closedAt_idx" ON "QueueTicket"("unitId", "closedAt");

-- CreateIndex
CREATE INDEX "QueueTicket_serviceId_takenAt_idx" ON "QueueTicket"("serviceId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueueTicket_unitId_day_number_key" ON "QueueTicket"("unitId", "day", "number");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskSession_ticketId_key" ON "HelpdeskSession"("ticketId");

-- CreateIndex
CREATE INDEX "HelpdeskSession_unitId_startedAt_idx" ON "HelpdeskSession"("unitId", "startedAt");

-- CreateIndex
CREATE INDEX "HelpdeskSession_serviceId_startedAt_idx" ON "HelpdeskSession"("serviceId", "startedAt");

-- CreateIndex
CREATE INDEX "EventService_serviceId_idx" ON "EventService"("serviceId");

