IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Prefix] nvarchar(16) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [RevokedAt] datetime2 NULL,
        [RevokedBy] nvarchar(256) NULL,
        [LastUsedAt] datetime2 NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [FullName] nvarchar(max) NOT NULL,
        [Title] nvarchar(max) NULL,
        [IsActive] bit NOT NULL,
        [IsDemo] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [EntityType] nvarchar(100) NOT NULL,
        [EntityKey] nvarchar(100) NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [Changes] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [IssuedReports] (
        [Id] int NOT NULL IDENTITY,
        [ReportKind] nvarchar(30) NOT NULL,
        [ProgramId] int NOT NULL,
        [FromYear] int NOT NULL,
        [ToYear] int NOT NULL,
        [Number] nvarchar(50) NOT NULL,
        [IssueDate] date NOT NULL,
        [SignerName] nvarchar(200) NOT NULL,
        [SignerTitle] nvarchar(200) NOT NULL,
        [ModelJson] nvarchar(max) NOT NULL,
        [Pdf] varbinary(max) NOT NULL,
        [Xlsx] varbinary(max) NOT NULL,
        [IssuedBy] nvarchar(256) NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IssuedReports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ItemNarratives] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [ContentGroupId] int NULL,
        [ContentItemId] int NULL,
        [FromYear] int NOT NULL,
        [ToYear] int NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ItemNarratives] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [RecipientRole] nvarchar(30) NOT NULL,
        [RecipientUser] nvarchar(256) NULL,
        [ProposalId] int NULL,
        [Message] nvarchar(1000) NOT NULL,
        [Link] nvarchar(300) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ReadAt] datetime2 NULL,
        [ReadBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [Organizations] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(300) NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [TaxCode] nvarchar(20) NULL,
        [Sector] nvarchar(200) NULL,
        [District] nvarchar(100) NULL,
        [Address] nvarchar(500) NULL,
        [ContactPerson] nvarchar(200) NULL,
        [Phone] nvarchar(30) NULL,
        [Email] nvarchar(200) NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Organizations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [Programs] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(500) NOT NULL,
        [StartYear] int NOT NULL,
        [EndYear] int NOT NULL,
        [LegalBasis] nvarchar(500) NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Programs] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ReportDownloads] (
        [Id] bigint NOT NULL IDENTITY,
        [UserName] nvarchar(256) NOT NULL,
        [ReportKind] nvarchar(30) NOT NULL,
        [Format] nvarchar(10) NOT NULL,
        [Parameters] nvarchar(500) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportDownloads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AnnualEstimates] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Year] int NOT NULL,
        [Version] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Note] nvarchar(2000) NULL,
        [SubmittedBy] nvarchar(256) NULL,
        [SubmittedAt] datetime2 NULL,
        [DecisionNumber] nvarchar(100) NULL,
        [DecisionDate] date NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [ApprovedAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_AnnualEstimates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AnnualEstimates_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ContentGroups] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Code] nvarchar(10) NOT NULL,
        [Name] nvarchar(1000) NOT NULL,
        [SortOrder] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ContentGroups] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContentGroups_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ContentItems] (
        [Id] int NOT NULL IDENTITY,
        [GroupId] int NOT NULL,
        [Code] nvarchar(10) NOT NULL,
        [Name] nvarchar(1000) NOT NULL,
        [SortOrder] int NOT NULL,
        [PlanAmount] decimal(18,0) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ContentItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContentItems_ContentGroups_GroupId] FOREIGN KEY ([GroupId]) REFERENCES [ContentGroups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AnnualEstimateLines] (
        [Id] int NOT NULL IDENTITY,
        [AnnualEstimateId] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [Amount] decimal(18,0) NOT NULL,
        [Note] nvarchar(500) NULL,
        CONSTRAINT [PK_AnnualEstimateLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AnnualEstimateLines_AnnualEstimates_AnnualEstimateId] FOREIGN KEY ([AnnualEstimateId]) REFERENCES [AnnualEstimates] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AnnualEstimateLines_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [PlanRevisions] (
        [Id] int NOT NULL IDENTITY,
        [ContentItemId] int NOT NULL,
        [OldAmount] decimal(18,0) NOT NULL,
        [NewAmount] decimal(18,0) NOT NULL,
        [DecisionReference] nvarchar(200) NULL,
        [Reason] nvarchar(1000) NULL,
        [ChangedBy] nvarchar(256) NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_PlanRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PlanRevisions_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [Proposals] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(30) NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Objectives] nvarchar(4000) NULL,
        [ExpectedOutputs] nvarchar(4000) NULL,
        [ProgramId] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [LeadOrganizationId] int NOT NULL,
        [StartYear] int NOT NULL,
        [EndYear] int NOT NULL,
        [RequestedTotalCost] decimal(18,0) NOT NULL,
        [RequestedProvincialShare] decimal(18,0) NOT NULL,
        [AppraisalDate] date NULL,
        [AppraisalOpinion] nvarchar(4000) NULL,
        [RecommendedTotalCost] decimal(18,0) NULL,
        [RecommendedProvincialShare] decimal(18,0) NULL,
        [DecisionNumber] nvarchar(100) NULL,
        [DecisionDate] date NULL,
        [ApprovedTotalCost] decimal(18,0) NULL,
        [ApprovedProvincialShare] decimal(18,0) NULL,
        [AcceptanceDate] date NULL,
        [AcceptanceResult] nvarchar(4000) NULL,
        [SettlementDecisionNumber] nvarchar(100) NULL,
        [SettlementDate] date NULL,
        [SettledTotalCost] decimal(18,0) NULL,
        [SettledProvincialShare] decimal(18,0) NULL,
        [ClosingReason] nvarchar(4000) NULL,
        [Status] nvarchar(20) NOT NULL,
        [StatusChangedAt] datetime2 NOT NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Proposals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Proposals_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Proposals_Organizations_LeadOrganizationId] FOREIGN KEY ([LeadOrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Proposals_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] int NOT NULL IDENTITY,
        [ProposalId] int NOT NULL,
        [DocumentType] nvarchar(30) NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [Description] nvarchar(500) NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [IsDeleted] bit NOT NULL,
        [DeletedBy] nvarchar(256) NULL,
        [DeletedAt] datetime2 NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [DisbursementEntries] (
        [Id] int NOT NULL IDENTITY,
        [ProposalId] int NOT NULL,
        [EntryDate] date NOT NULL,
        [Amount] decimal(18,0) NOT NULL,
        [Source] nvarchar(30) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [VoucherNumber] nvarchar(50) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [ReversesEntryId] int NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [IsSample] bit NOT NULL,
        CONSTRAINT [PK_DisbursementEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DisbursementEntries_DisbursementEntries_ReversesEntryId] FOREIGN KEY ([ReversesEntryId]) REFERENCES [DisbursementEntries] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DisbursementEntries_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [ProposalTransitions] (
        [Id] int NOT NULL IDENTITY,
        [ProposalId] int NOT NULL,
        [Action] nvarchar(30) NULL,
        [FromStatus] nvarchar(20) NULL,
        [ToStatus] nvarchar(20) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UserDisplayName] nvarchar(256) NOT NULL,
        [At] datetime2 NOT NULL,
        [Comment] nvarchar(4000) NULL,
        CONSTRAINT [PK_ProposalTransitions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProposalTransitions_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE TABLE [AttachmentContents] (
        [AttachmentId] int NOT NULL,
        [Data] varbinary(max) NOT NULL,
        CONSTRAINT [PK_AttachmentContents] PRIMARY KEY ([AttachmentId]),
        CONSTRAINT [FK_AttachmentContents_Attachments_AttachmentId] FOREIGN KEY ([AttachmentId]) REFERENCES [Attachments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualEstimateLines_AnnualEstimateId_ContentItemId] ON [AnnualEstimateLines] ([AnnualEstimateId], [ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AnnualEstimateLines_ContentItemId] ON [AnnualEstimateLines] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualEstimates_ProgramId_Year_Version] ON [AnnualEstimates] ([ProgramId], [Year], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_Hash] ON [ApiKeys] ([Hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_ProposalId] ON [Attachments] ([ProposalId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityKey] ON [AuditEntries] ([EntityType], [EntityKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContentGroups_ProgramId_Code] ON [ContentGroups] ([ProgramId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContentItems_GroupId_Code] ON [ContentItems] ([GroupId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_EntryDate] ON [DisbursementEntries] ([EntryDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_ProposalId_Source] ON [DisbursementEntries] ([ProposalId], [Source]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_DisbursementEntries_ReversesEntryId] ON [DisbursementEntries] ([ReversesEntryId]) WHERE [ReversesEntryId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedReports_Number] ON [IssuedReports] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_ItemNarratives_ProgramId_FromYear_ToYear] ON [ItemNarratives] ([ProgramId], [FromYear], [ToYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Notifications_RecipientRole_ReadAt] ON [Notifications] ([RecipientRole], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Organizations_Name] ON [Organizations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Organizations_TaxCode] ON [Organizations] ([TaxCode]) WHERE [TaxCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_PlanRevisions_ContentItemId_ChangedAt] ON [PlanRevisions] ([ContentItemId], [ChangedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Programs_Code] ON [Programs] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Proposals_Code] ON [Proposals] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Proposals_ContentItemId_StartYear] ON [Proposals] ([ContentItemId], [StartYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Proposals_LeadOrganizationId] ON [Proposals] ([LeadOrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_Proposals_ProgramId_Status_StartYear_ContentItemId] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_ProposalTransitions_At] ON [ProposalTransitions] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_ProposalTransitions_ProposalId_At] ON [ProposalTransitions] ([ProposalId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    CREATE INDEX [IX_ReportDownloads_At] ON [ReportDownloads] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127211619_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127211619_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''DisbursementEntries is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ProposalTransitions_AppendOnly] ON [ProposalTransitions] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''ProposalTransitions is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_PlanRevisions_AppendOnly] ON [PlanRevisions] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''PlanRevisions is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_AuditEntries_AppendOnly] ON [AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''AuditEntries is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_IssuedReports_AppendOnly] ON [IssuedReports] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''IssuedReports is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ReportDownloads_AppendOnly] ON [ReportDownloads] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''ReportDownloads is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127212825_AppendOnlyRecords'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127212825_AppendOnlyRecords', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    ALTER TABLE [Proposals] ADD [SearchText] nvarchar(600) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    ALTER TABLE [Organizations] ADD [SearchText] nvarchar(400) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    CREATE INDEX [IX_Proposals_SearchText] ON [Proposals] ([SearchText]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    CREATE INDEX [IX_Organizations_SearchText] ON [Organizations] ([SearchText]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_UserName_At] ON [AuditEntries] ([UserName], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127213034_ProposalSearch'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127213034_ProposalSearch', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127222537_ImportBatches'
)
BEGIN
    CREATE TABLE [ImportBatches] (
        [Id] int NOT NULL IDENTITY,
        [FileName] nvarchar(255) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [ProgramCode] nvarchar(20) NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CheckedAt] datetime2 NULL,
        [ErrorCount] int NOT NULL,
        [NewProposalCount] int NOT NULL,
        [NewLedgerEntryCount] int NOT NULL,
        [ImportedAt] datetime2 NULL,
        [ImportedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ImportBatches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127222537_ImportBatches'
)
BEGIN
    CREATE TABLE [ImportBatchContents] (
        [ImportBatchId] int NOT NULL,
        [Data] varbinary(max) NOT NULL,
        [Report] varbinary(max) NULL,
        CONSTRAINT [PK_ImportBatchContents] PRIMARY KEY ([ImportBatchId]),
        CONSTRAINT [FK_ImportBatchContents_ImportBatches_ImportBatchId] FOREIGN KEY ([ImportBatchId]) REFERENCES [ImportBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127222537_ImportBatches'
)
BEGIN
    CREATE INDEX [IX_ImportBatches_UploadedBy_UploadedAt] ON [ImportBatches] ([UploadedBy], [UploadedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127222537_ImportBatches'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127222537_ImportBatches', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    DROP INDEX [IX_Notifications_RecipientRole_ReadAt] ON [Notifications];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Notifications]') AND [c].[name] = N'ReadBy');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Notifications] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Notifications] DROP COLUMN [ReadBy];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Notifications]') AND [c].[name] = N'ReadAt');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [Notifications] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [Notifications] DROP COLUMN [ReadAt];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    ALTER TABLE [Notifications] ADD [ResolvedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE TABLE [NotificationReceipts] (
        [NotificationId] bigint NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [ReadAt] datetime2 NOT NULL,
        CONSTRAINT [PK_NotificationReceipts] PRIMARY KEY ([NotificationId], [UserName]),
        CONSTRAINT [FK_NotificationReceipts_Notifications_NotificationId] FOREIGN KEY ([NotificationId]) REFERENCES [Notifications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE TABLE [OutgoingEmails] (
        [Id] bigint NOT NULL IDENTITY,
        [To] nvarchar(320) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [LockedUntil] datetime2 NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(1000) NULL,
        [SentAt] datetime2 NULL,
        [FailedAt] datetime2 NULL,
        CONSTRAINT [PK_OutgoingEmails] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE INDEX [IX_Notifications_ProposalId_ResolvedAt] ON [Notifications] ([ProposalId], [ResolvedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE INDEX [IX_Notifications_RecipientRole_CreatedAt] ON [Notifications] ([RecipientRole], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE INDEX [IX_Notifications_RecipientUser_CreatedAt] ON [Notifications] ([RecipientUser], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    CREATE INDEX [IX_OutgoingEmails_SentAt_FailedAt_NextAttemptAt] ON [OutgoingEmails] ([SentAt], [FailedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127225756_NotificationReceiptsAndOutbox'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127225756_NotificationReceiptsAndOutbox', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    DROP INDEX [IX_Proposals_ProgramId_Status_StartYear_ContentItemId] ON [Proposals];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    DROP INDEX [IX_DisbursementEntries_ProposalId_Source] ON [DisbursementEntries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    CREATE INDEX [IX_Proposals_ProgramId_Code] ON [Proposals] ([ProgramId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    CREATE INDEX [IX_Proposals_ProgramId_Status_Code] ON [Proposals] ([ProgramId], [Status], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_ProposalId_Source_Amount] ON [DisbursementEntries] ([ProposalId], [Source], [Amount]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount] ON [DisbursementEntries] ([Source], [EntryDate], [ProposalId], [Amount]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127234437_CoveringIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127234437_CoveringIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127235653_DataVersion'
)
BEGIN
    CREATE TABLE [DataVersions] (
        [Id] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_DataVersions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127235653_DataVersion'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Version') AND [object_id] = OBJECT_ID(N'[DataVersions]'))
        SET IDENTITY_INSERT [DataVersions] ON;
    EXEC(N'INSERT INTO [DataVersions] ([Id], [Version])
    VALUES (1, CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Version') AND [object_id] = OBJECT_ID(N'[DataVersions]'))
        SET IDENTITY_INSERT [DataVersions] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127235653_DataVersion'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127235653_DataVersion', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE TABLE [SupportRuleSets] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Version] int NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [DocumentNumber] nvarchar(100) NOT NULL,
        [DocumentDate] date NOT NULL,
        [Issuer] nvarchar(200) NOT NULL,
        [DocumentLink] nvarchar(500) NULL,
        [EffectiveFrom] date NOT NULL,
        [EffectiveTo] date NULL,
        [Status] nvarchar(20) NOT NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [ApprovedAt] datetime2 NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_SupportRuleSets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupportRuleSets_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE TABLE [ProposalRuleFlags] (
        [Id] int NOT NULL IDENTITY,
        [ProposalId] int NOT NULL,
        [RuleSetId] int NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Violations] nvarchar(4000) NOT NULL,
        [Reason] nvarchar(4000) NOT NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedByUser] nvarchar(256) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ProposalRuleFlags] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProposalRuleFlags_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ProposalRuleFlags_SupportRuleSets_RuleSetId] FOREIGN KEY ([RuleSetId]) REFERENCES [SupportRuleSets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE TABLE [SupportRules] (
        [Id] int NOT NULL IDENTITY,
        [RuleSetId] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [Citation] nvarchar(200) NOT NULL,
        [Scope] nvarchar(500) NULL,
        [MaxProvincialSharePercent] decimal(7,4) NULL,
        [MinCounterpartPercent] decimal(7,4) NULL,
        [MaxAmountPerProposal] decimal(18,0) NULL,
        [MaxPerEnterprisePerYear] decimal(18,0) NULL,
        [MaxPerEnterprisePerPeriod] decimal(18,0) NULL,
        [EligibleKinds] nvarchar(300) NULL,
        [EligibleSizes] nvarchar(100) NULL,
        [RequireInProvince] bit NOT NULL,
        [IsIllustrative] bit NOT NULL,
        CONSTRAINT [PK_SupportRules] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupportRules_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SupportRules_SupportRuleSets_RuleSetId] FOREIGN KEY ([RuleSetId]) REFERENCES [SupportRuleSets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE TABLE [UnitNorms] (
        [Id] int NOT NULL IDENTITY,
        [SupportRuleId] int NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Unit] nvarchar(50) NOT NULL,
        [MaxUnitPrice] decimal(18,0) NOT NULL,
        [Citation] nvarchar(200) NULL,
        [IsIllustrative] bit NOT NULL,
        CONSTRAINT [PK_UnitNorms] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UnitNorms_SupportRules_SupportRuleId] FOREIGN KEY ([SupportRuleId]) REFERENCES [SupportRules] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE INDEX [IX_ProposalRuleFlags_ProposalId] ON [ProposalRuleFlags] ([ProposalId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE INDEX [IX_ProposalRuleFlags_RuleSetId] ON [ProposalRuleFlags] ([RuleSetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE INDEX [IX_SupportRules_ContentItemId] ON [SupportRules] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupportRules_RuleSetId_ContentItemId] ON [SupportRules] ([RuleSetId], [ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupportRuleSets_ProgramId_Version] ON [SupportRuleSets] ([ProgramId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    CREATE INDEX [IX_UnitNorms_SupportRuleId] ON [UnitNorms] ([SupportRuleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204213031_Issue18SupportRules'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204213031_Issue18SupportRules', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    DROP INDEX [IX_IssuedReports_Number] ON [IssuedReports];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [DocumentType] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [Docx] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [IssuedPdf] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [IssuedSha256] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [RegisterSequence] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [RegisterYear] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [SignatureIsTest] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [SignatureNotAfter] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [SignatureSubject] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [SignatureThumbprint] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [SignedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [Source] nvarchar(20) NOT NULL DEFAULT N'Generated';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [UploadedDocx] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [UploadedPdf] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    ALTER TABLE [IssuedReports] ADD [VerificationCode] nvarchar(16) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    CREATE TABLE [IssuedReportRevocations] (
        [Id] int NOT NULL IDENTITY,
        [IssuedReportId] int NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [RevokedBy] nvarchar(256) NOT NULL,
        [RevokedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IssuedReportRevocations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IssuedReportRevocations_IssuedReports_IssuedReportId] FOREIGN KEY ([IssuedReportId]) REFERENCES [IssuedReports] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    CREATE TABLE [OutgoingNumberCounters] (
        [Year] int NOT NULL,
        [DocumentType] nvarchar(10) NOT NULL,
        [LastNumber] int NOT NULL,
        CONSTRAINT [PK_OutgoingNumberCounters] PRIMARY KEY ([Year], [DocumentType])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_IssuedReports_DocumentType_RegisterYear_RegisterSequence] ON [IssuedReports] ([DocumentType], [RegisterYear], [RegisterSequence]) WHERE [RegisterSequence] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_IssuedReports_Number] ON [IssuedReports] ([Number]) WHERE [RegisterSequence] IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_IssuedReports_VerificationCode] ON [IssuedReports] ([VerificationCode]) WHERE [VerificationCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedReportRevocations_IssuedReportId] ON [IssuedReportRevocations] ([IssuedReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204214900_Issue20DocumentsAndSignatures'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204214900_Issue20DocumentsAndSignatures', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204215458_Issue24RequiredDocuments'
)
BEGIN
    CREATE TABLE [RequiredDocuments] (
        [Id] int NOT NULL IDENTITY,
        [ContentItemId] int NOT NULL,
        [SortOrder] int NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [DocumentType] nvarchar(30) NOT NULL,
        [IsMandatory] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_RequiredDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RequiredDocuments_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204215458_Issue24RequiredDocuments'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RequiredDocuments_ContentItemId_SortOrder] ON [RequiredDocuments] ([ContentItemId], [SortOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204215458_Issue24RequiredDocuments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204215458_Issue24RequiredDocuments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    ALTER TABLE [Organizations] ADD [IsUnverified] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [Calls] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Year] int NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [OpensAt] datetime2 NOT NULL,
        [ClosesAt] datetime2 NOT NULL,
        [Guidance] nvarchar(max) NULL,
        [Contact] nvarchar(1000) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [PublishedAt] datetime2 NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Calls] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Calls_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [DossierFiles] (
        [Id] int NOT NULL IDENTITY,
        [OrganizationId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierFiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DossierFiles_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [CallItems] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [Checklist] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_CallItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CallItems_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CallItems_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [DossierFileContents] (
        [DossierFileId] int NOT NULL,
        [Data] varbinary(max) NOT NULL,
        CONSTRAINT [PK_DossierFileContents] PRIMARY KEY ([DossierFileId]),
        CONSTRAINT [FK_DossierFileContents_DossierFiles_DossierFileId] FOREIGN KEY ([DossierFileId]) REFERENCES [DossierFiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [EnterpriseMembers] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [OrganizationId] int NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [Position] nvarchar(200) NULL,
        [LegalRepresentative] nvarchar(200) NULL,
        [Phone] nvarchar(30) NULL,
        [Status] nvarchar(20) NOT NULL,
        [CertificateFileId] int NULL,
        [DecidedAt] datetime2 NULL,
        [DecidedBy] nvarchar(256) NULL,
        [RefusalReason] nvarchar(1000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_EnterpriseMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EnterpriseMembers_DossierFiles_CertificateFileId] FOREIGN KEY ([CertificateFileId]) REFERENCES [DossierFiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EnterpriseMembers_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(30) NULL,
        [OrganizationId] int NOT NULL,
        [CallId] int NOT NULL,
        [CallItemId] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Objectives] nvarchar(4000) NULL,
        [ExpectedOutputs] nvarchar(4000) NULL,
        [StartYear] int NOT NULL,
        [EndYear] int NOT NULL,
        [TotalCost] decimal(18,0) NOT NULL,
        [RequestedSupport] decimal(18,0) NOT NULL,
        [Counterpart] decimal(18,0) NOT NULL,
        [Status] nvarchar(30) NOT NULL,
        [SubmittedAt] datetime2 NULL,
        [LastSubmittedAt] datetime2 NULL,
        [DeclineReason] nvarchar(2000) NULL,
        [ProposalId] int NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Applications_CallItems_CallItemId] FOREIGN KEY ([CallItemId]) REFERENCES [CallItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [ApplicationCostLines] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [LineNo] int NOT NULL,
        [Description] nvarchar(500) NOT NULL,
        [Unit] nvarchar(50) NOT NULL,
        [Quantity] decimal(18,2) NOT NULL,
        [UnitPrice] decimal(18,0) NOT NULL,
        [Amount] decimal(18,0) NOT NULL,
        CONSTRAINT [PK_ApplicationCostLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationCostLines_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [ApplicationDocuments] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [Requirement] nvarchar(200) NOT NULL,
        [DossierFileId] int NOT NULL,
        [Round] int NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [IsWithdrawn] bit NOT NULL,
        [WithdrawnAt] datetime2 NULL,
        CONSTRAINT [PK_ApplicationDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationDocuments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ApplicationDocuments_DossierFiles_DossierFileId] FOREIGN KEY ([DossierFileId]) REFERENCES [DossierFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [ApplicationEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [FromStatus] nvarchar(30) NULL,
        [ToStatus] nvarchar(30) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UserDisplayName] nvarchar(256) NOT NULL,
        [At] datetime2 NOT NULL,
        [Comment] nvarchar(4000) NULL,
        CONSTRAINT [PK_ApplicationEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationEvents_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE TABLE [SupplementRequests] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [Round] int NOT NULL,
        [Message] nvarchar(2000) NOT NULL,
        [Deadline] date NOT NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [AnsweredAt] datetime2 NULL,
        [AnswerNote] nvarchar(2000) NULL,
        CONSTRAINT [PK_SupplementRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplementRequests_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_ApplicationCostLines_ApplicationId] ON [ApplicationCostLines] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_ApplicationDocuments_ApplicationId] ON [ApplicationDocuments] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_ApplicationDocuments_DossierFileId] ON [ApplicationDocuments] ([DossierFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_ApplicationEvents_ApplicationId_At] ON [ApplicationEvents] ([ApplicationId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_CallId] ON [Applications] ([CallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_CallItemId] ON [Applications] ([CallItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Applications_Code] ON [Applications] ([Code]) WHERE [Code] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_ContentItemId] ON [Applications] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_OrganizationId_Status] ON [Applications] ([OrganizationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_ProposalId] ON [Applications] ([ProposalId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Applications_Status_LastSubmittedAt] ON [Applications] ([Status], [LastSubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CallItems_CallId_ContentItemId] ON [CallItems] ([CallId], [ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_CallItems_ContentItemId] ON [CallItems] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Calls_ProgramId] ON [Calls] ([ProgramId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_Calls_Status_ClosesAt] ON [Calls] ([Status], [ClosesAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_DossierFiles_OrganizationId] ON [DossierFiles] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_EnterpriseMembers_CertificateFileId] ON [EnterpriseMembers] ([CertificateFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_EnterpriseMembers_OrganizationId_Status] ON [EnterpriseMembers] ([OrganizationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE INDEX [IX_EnterpriseMembers_Status] ON [EnterpriseMembers] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EnterpriseMembers_UserId] ON [EnterpriseMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupplementRequests_ApplicationId_Round] ON [SupplementRequests] ([ApplicationId], [Round]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204224207_Issue16EnterprisePortal'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204224207_Issue16EnterprisePortal', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[UnitNorms]') AND [c].[name] = N'MaxUnitPrice');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [UnitNorms] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [UnitNorms] ALTER COLUMN [MaxUnitPrice] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var3 nvarchar(max);
    SELECT @var3 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SupportRules]') AND [c].[name] = N'MaxPerEnterprisePerYear');
    IF @var3 IS NOT NULL EXEC(N'ALTER TABLE [SupportRules] DROP CONSTRAINT ' + @var3 + ';');
    ALTER TABLE [SupportRules] ALTER COLUMN [MaxPerEnterprisePerYear] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var4 nvarchar(max);
    SELECT @var4 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SupportRules]') AND [c].[name] = N'MaxPerEnterprisePerPeriod');
    IF @var4 IS NOT NULL EXEC(N'ALTER TABLE [SupportRules] DROP CONSTRAINT ' + @var4 + ';');
    ALTER TABLE [SupportRules] ALTER COLUMN [MaxPerEnterprisePerPeriod] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var5 nvarchar(max);
    SELECT @var5 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SupportRules]') AND [c].[name] = N'MaxAmountPerProposal');
    IF @var5 IS NOT NULL EXEC(N'ALTER TABLE [SupportRules] DROP CONSTRAINT ' + @var5 + ';');
    ALTER TABLE [SupportRules] ALTER COLUMN [MaxAmountPerProposal] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var6 nvarchar(max);
    SELECT @var6 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'SettledTotalCost');
    IF @var6 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var6 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [SettledTotalCost] bigint NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var7 nvarchar(max);
    SELECT @var7 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'SettledProvincialShare');
    IF @var7 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var7 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [SettledProvincialShare] bigint NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var8 nvarchar(max);
    SELECT @var8 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'RequestedTotalCost');
    IF @var8 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var8 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [RequestedTotalCost] bigint NOT NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var9 nvarchar(max);
    SELECT @var9 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'RequestedProvincialShare');
    IF @var9 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var9 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [RequestedProvincialShare] bigint NOT NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var10 nvarchar(max);
    SELECT @var10 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'RecommendedTotalCost');
    IF @var10 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var10 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [RecommendedTotalCost] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var11 nvarchar(max);
    SELECT @var11 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'RecommendedProvincialShare');
    IF @var11 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var11 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [RecommendedProvincialShare] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var12 nvarchar(max);
    SELECT @var12 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'ApprovedTotalCost');
    IF @var12 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var12 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [ApprovedTotalCost] bigint NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
    DECLARE @var13 nvarchar(max);
    SELECT @var13 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Proposals]') AND [c].[name] = N'ApprovedProvincialShare');
    IF @var13 IS NOT NULL EXEC(N'ALTER TABLE [Proposals] DROP CONSTRAINT ' + @var13 + ';');
    ALTER TABLE [Proposals] ALTER COLUMN [ApprovedProvincialShare] bigint NULL;
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var14 nvarchar(max);
    SELECT @var14 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PlanRevisions]') AND [c].[name] = N'OldAmount');
    IF @var14 IS NOT NULL EXEC(N'ALTER TABLE [PlanRevisions] DROP CONSTRAINT ' + @var14 + ';');
    ALTER TABLE [PlanRevisions] ALTER COLUMN [OldAmount] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var15 nvarchar(max);
    SELECT @var15 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PlanRevisions]') AND [c].[name] = N'NewAmount');
    IF @var15 IS NOT NULL EXEC(N'ALTER TABLE [PlanRevisions] DROP CONSTRAINT ' + @var15 + ';');
    ALTER TABLE [PlanRevisions] ALTER COLUMN [NewAmount] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DROP INDEX [IX_DisbursementEntries_ProposalId_Source_Amount] ON [DisbursementEntries];
    DROP INDEX [IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount] ON [DisbursementEntries];
    DECLARE @var16 nvarchar(max);
    SELECT @var16 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[DisbursementEntries]') AND [c].[name] = N'Amount');
    IF @var16 IS NOT NULL EXEC(N'ALTER TABLE [DisbursementEntries] DROP CONSTRAINT ' + @var16 + ';');
    ALTER TABLE [DisbursementEntries] ALTER COLUMN [Amount] bigint NOT NULL;
    CREATE INDEX [IX_DisbursementEntries_ProposalId_Source_Amount] ON [DisbursementEntries] ([ProposalId], [Source], [Amount]);
    CREATE INDEX [IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount] ON [DisbursementEntries] ([Source], [EntryDate], [ProposalId], [Amount]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var17 nvarchar(max);
    SELECT @var17 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ContentItems]') AND [c].[name] = N'PlanAmount');
    IF @var17 IS NOT NULL EXEC(N'ALTER TABLE [ContentItems] DROP CONSTRAINT ' + @var17 + ';');
    ALTER TABLE [ContentItems] ALTER COLUMN [PlanAmount] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var18 nvarchar(max);
    SELECT @var18 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'TotalCost');
    IF @var18 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var18 + ';');
    ALTER TABLE [Applications] ALTER COLUMN [TotalCost] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var19 nvarchar(max);
    SELECT @var19 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'RequestedSupport');
    IF @var19 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var19 + ';');
    ALTER TABLE [Applications] ALTER COLUMN [RequestedSupport] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var20 nvarchar(max);
    SELECT @var20 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'Counterpart');
    IF @var20 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var20 + ';');
    ALTER TABLE [Applications] ALTER COLUMN [Counterpart] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var21 nvarchar(max);
    SELECT @var21 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ApplicationCostLines]') AND [c].[name] = N'UnitPrice');
    IF @var21 IS NOT NULL EXEC(N'ALTER TABLE [ApplicationCostLines] DROP CONSTRAINT ' + @var21 + ';');
    ALTER TABLE [ApplicationCostLines] ALTER COLUMN [UnitPrice] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var22 nvarchar(max);
    SELECT @var22 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ApplicationCostLines]') AND [c].[name] = N'Amount');
    IF @var22 IS NOT NULL EXEC(N'ALTER TABLE [ApplicationCostLines] DROP CONSTRAINT ' + @var22 + ';');
    ALTER TABLE [ApplicationCostLines] ALTER COLUMN [Amount] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    DECLARE @var23 nvarchar(max);
    SELECT @var23 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AnnualEstimateLines]') AND [c].[name] = N'Amount');
    IF @var23 IS NOT NULL EXEC(N'ALTER TABLE [AnnualEstimateLines] DROP CONSTRAINT ' + @var23 + ';');
    ALTER TABLE [AnnualEstimateLines] ALTER COLUMN [Amount] bigint NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000947_Issue21MoneyAsIntegers'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205000947_Issue21MoneyAsIntegers', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    ALTER TABLE [Organizations] ADD [CommuneCode] varchar(5) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    CREATE TABLE [AdministrativeUnits] (
        [Code] varchar(5) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Slug] varchar(100) NOT NULL,
        [ProvinceCode] varchar(2) NOT NULL,
        [EffectiveFrom] date NOT NULL,
        CONSTRAINT [PK_AdministrativeUnits] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    CREATE INDEX [IX_Organizations_CommuneCode] ON [Organizations] ([CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AdministrativeUnits_Slug] ON [AdministrativeUnits] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    ALTER TABLE [Organizations] ADD CONSTRAINT [FK_Organizations_AdministrativeUnits_CommuneCode] FOREIGN KEY ([CommuneCode]) REFERENCES [AdministrativeUnits] ([Code]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205005536_Issue24AdministrativeMap'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205005536_Issue24AdministrativeMap', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE TABLE [SupplierProfiles] (
        [Id] int NOT NULL IDENTITY,
        [OrganizationId] int NOT NULL,
        [Slug] nvarchar(120) NOT NULL,
        [IsPublished] bit NOT NULL,
        [NameVi] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NULL,
        [CommuneCode] varchar(5) NULL,
        [CommuneName] nvarchar(150) NULL,
        [ZoneCode] nvarchar(40) NOT NULL,
        [Address] nvarchar(300) NULL,
        [ShowAddress] bit NOT NULL,
        [ShowTaxCode] bit NOT NULL,
        [SectorCodes] nvarchar(400) NOT NULL,
        [ProcessCodes] nvarchar(400) NOT NULL,
        [CertificationCodes] nvarchar(400) NOT NULL,
        [ProductsVi] nvarchar(2000) NULL,
        [ProductsEn] nvarchar(2000) NULL,
        [Capacity] nvarchar(1000) NULL,
        [ShowCapacity] bit NOT NULL,
        [Workforce] nvarchar(20) NULL,
        [ShowWorkforce] bit NOT NULL,
        [ExportMarkets] nvarchar(500) NULL,
        [ShowExportMarkets] bit NOT NULL,
        [Website] nvarchar(200) NULL,
        [ShowWebsite] bit NOT NULL,
        [ContactName] nvarchar(200) NULL,
        [ShowContactName] bit NOT NULL,
        [ContactPhone] nvarchar(30) NULL,
        [ShowContactPhone] bit NOT NULL,
        [ContactEmail] nvarchar(256) NULL,
        [ShowContactEmail] bit NOT NULL,
        [SearchText] nvarchar(1500) NOT NULL,
        [CapabilityVerifiedOn] date NULL,
        [CapabilityProposalId] int NULL,
        [CapabilityVerifiedBy] nvarchar(256) NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_SupplierProfiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplierProfiles_AdministrativeUnits_CommuneCode] FOREIGN KEY ([CommuneCode]) REFERENCES [AdministrativeUnits] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SupplierProfiles_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SupplierProfiles_Proposals_CapabilityProposalId] FOREIGN KEY ([CapabilityProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE TABLE [ProfileChanges] (
        [Id] int NOT NULL IDENTITY,
        [SupplierProfileId] int NOT NULL,
        [ContentJson] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [SubmittedBy] nvarchar(256) NOT NULL,
        [SubmittedAt] datetime2 NOT NULL,
        [DecidedBy] nvarchar(256) NULL,
        [DecidedAt] datetime2 NULL,
        [RejectionReason] nvarchar(1000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ProfileChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProfileChanges_SupplierProfiles_SupplierProfileId] FOREIGN KEY ([SupplierProfileId]) REFERENCES [SupplierProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE TABLE [SupplierCertifications] (
        [Id] int NOT NULL IDENTITY,
        [SupplierProfileId] int NOT NULL,
        [Code] nvarchar(40) NOT NULL,
        [ValidUntil] date NULL,
        CONSTRAINT [PK_SupplierCertifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplierCertifications_SupplierProfiles_SupplierProfileId] FOREIGN KEY ([SupplierProfileId]) REFERENCES [SupplierProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_ProfileChanges_Status_SubmittedAt] ON [ProfileChanges] ([Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_ProfileChanges_SupplierProfileId_Status] ON [ProfileChanges] ([SupplierProfileId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierCertifications_Code_ValidUntil] ON [SupplierCertifications] ([Code], [ValidUntil]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupplierCertifications_SupplierProfileId_Code] ON [SupplierCertifications] ([SupplierProfileId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierProfiles_CapabilityProposalId] ON [SupplierProfiles] ([CapabilityProposalId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierProfiles_CommuneCode] ON [SupplierProfiles] ([CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierProfiles_IsPublished_CommuneCode] ON [SupplierProfiles] ([IsPublished], [CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierProfiles_IsPublished_NameVi] ON [SupplierProfiles] ([IsPublished], [NameVi]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE INDEX [IX_SupplierProfiles_IsPublished_ZoneCode] ON [SupplierProfiles] ([IsPublished], [ZoneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupplierProfiles_OrganizationId] ON [SupplierProfiles] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupplierProfiles_Slug] ON [SupplierProfiles] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014032_Issue17PublicPortal'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205014032_Issue17PublicPortal', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [AssignedBudgets] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Year] int NOT NULL,
        [ContentItemId] int NOT NULL,
        [Amount] bigint NOT NULL,
        [DecisionReference] nvarchar(200) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_AssignedBudgets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssignedBudgets_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssignedBudgets_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [ItemPlans] (
        [Id] int NOT NULL IDENTITY,
        [ContentItemId] int NOT NULL,
        [IsIllustrative] bit NOT NULL,
        [DecisionReference] nvarchar(200) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ItemPlans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ItemPlans_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [OutcomeIndicators] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Unit] nvarchar(50) NOT NULL,
        [SortOrder] int NOT NULL,
        [Target] decimal(18,4) NULL,
        [TargetYear] int NOT NULL,
        [TargetIsIllustrative] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_OutcomeIndicators] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutcomeIndicators_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [OutputIndicators] (
        [Id] int NOT NULL IDENTITY,
        [ContentItemId] int NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [PeriodTarget] bigint NOT NULL,
        [IsIllustrative] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_OutputIndicators] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutputIndicators_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [YearPlanAmounts] (
        [Id] int NOT NULL IDENTITY,
        [ItemPlanId] int NOT NULL,
        [Year] int NOT NULL,
        [Amount] bigint NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_YearPlanAmounts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_YearPlanAmounts_ItemPlans_ItemPlanId] FOREIGN KEY ([ItemPlanId]) REFERENCES [ItemPlans] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [OutcomeValues] (
        [Id] int NOT NULL IDENTITY,
        [OutcomeIndicatorId] int NOT NULL,
        [Year] int NOT NULL,
        [Value] decimal(18,4) NOT NULL,
        [Source] nvarchar(300) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_OutcomeValues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutcomeValues_OutcomeIndicators_OutcomeIndicatorId] FOREIGN KEY ([OutcomeIndicatorId]) REFERENCES [OutcomeIndicators] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [IndicatorTargets] (
        [Id] int NOT NULL IDENTITY,
        [OutputIndicatorId] int NOT NULL,
        [Year] int NOT NULL,
        [Target] bigint NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_IndicatorTargets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IndicatorTargets_OutputIndicators_OutputIndicatorId] FOREIGN KEY ([OutputIndicatorId]) REFERENCES [OutputIndicators] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE TABLE [ProposalOutputs] (
        [Id] int NOT NULL IDENTITY,
        [ProposalId] int NOT NULL,
        [OutputIndicatorId] int NOT NULL,
        [Expected] bigint NOT NULL,
        [Actual] bigint NULL,
        [ActualRecordedOn] date NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ProposalOutputs] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProposalOutputs_OutputIndicators_OutputIndicatorId] FOREIGN KEY ([OutputIndicatorId]) REFERENCES [OutputIndicators] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ProposalOutputs_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE INDEX [IX_AssignedBudgets_ContentItemId] ON [AssignedBudgets] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssignedBudgets_ProgramId_Year_ContentItemId] ON [AssignedBudgets] ([ProgramId], [Year], [ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IndicatorTargets_OutputIndicatorId_Year] ON [IndicatorTargets] ([OutputIndicatorId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ItemPlans_ContentItemId] ON [ItemPlans] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutcomeIndicators_ProgramId_Code] ON [OutcomeIndicators] ([ProgramId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE INDEX [IX_OutcomeValues_OutcomeIndicatorId_Year] ON [OutcomeValues] ([OutcomeIndicatorId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutputIndicators_ContentItemId_Kind] ON [OutputIndicators] ([ContentItemId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE INDEX [IX_ProposalOutputs_OutputIndicatorId] ON [ProposalOutputs] ([OutputIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProposalOutputs_ProposalId_OutputIndicatorId] ON [ProposalOutputs] ([ProposalId], [OutputIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    CREATE UNIQUE INDEX [IX_YearPlanAmounts_ItemPlanId_Year] ON [YearPlanAmounts] ([ItemPlanId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205014506_Issue19Program2026'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205014506_Issue19Program2026', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE TABLE [SourcingRequests] (
        [Id] int NOT NULL IDENTITY,
        [BuyerOrganizationId] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [SectorCode] nvarchar(40) NOT NULL,
        [ProcessCode] nvarchar(40) NULL,
        [CertificationCode] nvarchar(40) NULL,
        [Quantity] nvarchar(200) NULL,
        [Deadline] date NOT NULL,
        [Description] nvarchar(3000) NULL,
        [Status] nvarchar(20) NOT NULL,
        [PostedBy] nvarchar(256) NOT NULL,
        [PostedByDepartment] bit NOT NULL,
        [PostedAt] datetime2 NOT NULL,
        [Year] int NOT NULL,
        [ClosedAt] datetime2 NULL,
        [ClosedBy] nvarchar(256) NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_SourcingRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SourcingRequests_Organizations_BuyerOrganizationId] FOREIGN KEY ([BuyerOrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE TABLE [SourcingInterests] (
        [Id] int NOT NULL IDENTITY,
        [SourcingRequestId] int NOT NULL,
        [SupplierOrganizationId] int NOT NULL,
        [Message] nvarchar(1000) NULL,
        [ExpressedBy] nvarchar(256) NOT NULL,
        [ExpressedAt] datetime2 NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_SourcingInterests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SourcingInterests_Organizations_SupplierOrganizationId] FOREIGN KEY ([SupplierOrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SourcingInterests_SourcingRequests_SourcingRequestId] FOREIGN KEY ([SourcingRequestId]) REFERENCES [SourcingRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SourcingInterests_SourcingRequestId_SupplierOrganizationId] ON [SourcingInterests] ([SourcingRequestId], [SupplierOrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE INDEX [IX_SourcingInterests_SupplierOrganizationId_ExpressedAt] ON [SourcingInterests] ([SupplierOrganizationId], [ExpressedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE INDEX [IX_SourcingRequests_BuyerOrganizationId_PostedAt] ON [SourcingRequests] ([BuyerOrganizationId], [PostedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE INDEX [IX_SourcingRequests_Status_SectorCode_Deadline] ON [SourcingRequests] ([Status], [SectorCode], [Deadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    CREATE INDEX [IX_SourcingRequests_Year] ON [SourcingRequests] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205031829_Issue17Sourcing'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205031829_Issue17Sourcing', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    CREATE TABLE [ApplicationOutputs] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [OutputIndicatorId] int NOT NULL,
        [Expected] bigint NOT NULL,
        CONSTRAINT [PK_ApplicationOutputs] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationOutputs_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ApplicationOutputs_OutputIndicators_OutputIndicatorId] FOREIGN KEY ([OutputIndicatorId]) REFERENCES [OutputIndicators] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    CREATE TABLE [DepartmentActivities] (
        [Id] int NOT NULL IDENTITY,
        [ProgramId] int NOT NULL,
        [Year] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Description] nvarchar(500) NOT NULL,
        [Amount] bigint NOT NULL,
        [Justification] nvarchar(1000) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_DepartmentActivities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DepartmentActivities_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationOutputs_ApplicationId_OutputIndicatorId] ON [ApplicationOutputs] ([ApplicationId], [OutputIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    CREATE INDEX [IX_ApplicationOutputs_OutputIndicatorId] ON [ApplicationOutputs] ([OutputIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    CREATE INDEX [IX_DepartmentActivities_ProgramId_Year] ON [DepartmentActivities] ([ProgramId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205043903_Issue19Leftovers'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205043903_Issue19Leftovers', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE TABLE [InvestmentProjects] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(120) NOT NULL,
        [TitleVi] nvarchar(300) NOT NULL,
        [TitleEn] nvarchar(300) NOT NULL,
        [SectorCode] nvarchar(40) NOT NULL,
        [ZoneCode] nvarchar(40) NOT NULL,
        [LocationVi] nvarchar(300) NOT NULL,
        [LocationEn] nvarchar(300) NULL,
        [SummaryVi] nvarchar(4000) NOT NULL,
        [SummaryEn] nvarchar(4000) NULL,
        [ScaleVi] nvarchar(1000) NULL,
        [ScaleEn] nvarchar(1000) NULL,
        [TotalInvestment] bigint NULL,
        [InvestmentFormVi] nvarchar(300) NULL,
        [InvestmentFormEn] nvarchar(300) NULL,
        [Contact] nvarchar(500) NULL,
        [State] nvarchar(20) NOT NULL,
        [WithdrawalReason] nvarchar(500) NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_InvestmentProjects] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE TABLE [NewsPosts] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(120) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [TitleVi] nvarchar(300) NOT NULL,
        [TitleEn] nvarchar(300) NULL,
        [Format] nvarchar(20) NOT NULL,
        [BodyVi] nvarchar(max) NOT NULL,
        [BodyEn] nvarchar(max) NULL,
        [StartsOn] date NULL,
        [EndsOn] date NULL,
        [PlaceVi] nvarchar(300) NULL,
        [PlaceEn] nvarchar(300) NULL,
        [PublishedAt] datetime2 NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [IsSample] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_NewsPosts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InvestmentProjects_Slug] ON [InvestmentProjects] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE INDEX [IX_InvestmentProjects_State_TitleVi] ON [InvestmentProjects] ([State], [TitleVi]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NewsPosts_Slug] ON [NewsPosts] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    CREATE INDEX [IX_NewsPosts_State_PublishedAt] ON [NewsPosts] ([State], [PublishedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044001_Issue17PublicContent'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205044001_Issue17PublicContent', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    ALTER TABLE [DisbursementEntries] ADD [ProgramId] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    DISABLE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    EXEC(N'UPDATE [d] SET [ProgramId] = [p].[ProgramId] FROM [DisbursementEntries] AS [d] INNER JOIN [Proposals] AS [p] ON [p].[Id] = [d].[ProposalId]')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    ENABLE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_ProgramId_EntryDate_Id] ON [DisbursementEntries] ([ProgramId], [EntryDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    ALTER TABLE [DisbursementEntries] ADD CONSTRAINT [FK_DisbursementEntries_Programs_ProgramId] FOREIGN KEY ([ProgramId]) REFERENCES [Programs] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044057_Issue21LedgerProgram'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205044057_Issue21LedgerProgram', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    CREATE TABLE [ProposalSearchWords] (
        [Word] nvarchar(100) NOT NULL,
        [ProposalId] int NOT NULL,
        CONSTRAINT [PK_ProposalSearchWords] PRIMARY KEY ([Word], [ProposalId]),
        CONSTRAINT [FK_ProposalSearchWords_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    CREATE INDEX [IX_ProposalSearchWords_ProposalId] ON [ProposalSearchWords] ([ProposalId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    EXEC(N'CREATE FUNCTION [dbo].[SearchWords] (@text nvarchar(1100)) RETURNS TABLE AS RETURN
        SELECT DISTINCT LEFT(w.[value], 100) AS [Word]
        FROM (
            SELECT [value] FROM STRING_SPLIT(@text, N'' '')
            UNION ALL
            SELECT [value] FROM STRING_SPLIT(TRANSLATE(@text, N''-./,;:()_'', N''         ''), N'' '')
        ) AS w
        WHERE w.[value] <> N''''')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Proposals_SearchWords] ON [Proposals] AFTER INSERT, UPDATE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT (UPDATE([SearchText]) OR UPDATE([LeadOrganizationId])) RETURN;
        DELETE w FROM [ProposalSearchWords] AS w INNER JOIN deleted AS d ON d.[Id] = w.[ProposalId];
        INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
        SELECT s.[Word], i.[Id]
        FROM inserted AS i
        LEFT JOIN [Organizations] AS o ON o.[Id] = i.[LeadOrganizationId]
        CROSS APPLY [dbo].[SearchWords](i.[SearchText] + N'' '' + COALESCE(o.[SearchText], N'''')) AS s;
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Organizations_SearchWords] ON [Organizations] AFTER UPDATE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT UPDATE([SearchText]) RETURN;
        DELETE w FROM [ProposalSearchWords] AS w
        INNER JOIN [Proposals] AS p ON p.[Id] = w.[ProposalId]
        INNER JOIN inserted AS i ON i.[Id] = p.[LeadOrganizationId];
        INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
        SELECT s.[Word], p.[Id]
        FROM inserted AS i
        INNER JOIN [Proposals] AS p ON p.[LeadOrganizationId] = i.[Id]
        CROSS APPLY [dbo].[SearchWords](p.[SearchText] + N'' '' + i.[SearchText]) AS s;
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    EXEC(N'INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
    SELECT s.[Word], p.[Id]
    FROM [Proposals] AS p
    LEFT JOIN [Organizations] AS o ON o.[Id] = p.[LeadOrganizationId]
    CROSS APPLY [dbo].[SearchWords](p.[SearchText] + N'' '' + COALESCE(o.[SearchText], N'''')) AS s')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205044251_Issue21FullTextSearch'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205044251_Issue21FullTextSearch', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205045205_Issue17ProfileImages'
)
BEGIN
    ALTER TABLE [SupplierProfiles] ADD [LogoImageId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205045205_Issue17ProfileImages'
)
BEGIN
    ALTER TABLE [SupplierProfiles] ADD [PhotoImageIds] varchar(300) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205045205_Issue17ProfileImages'
)
BEGIN
    CREATE TABLE [SupplierImages] (
        [Id] uniqueidentifier NOT NULL,
        [SupplierProfileId] int NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [ContentType] varchar(20) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] varchar(64) NOT NULL,
        [Data] varbinary(max) NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SupplierImages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplierImages_SupplierProfiles_SupplierProfileId] FOREIGN KEY ([SupplierProfileId]) REFERENCES [SupplierProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205045205_Issue17ProfileImages'
)
BEGIN
    CREATE INDEX [IX_SupplierImages_SupplierProfileId] ON [SupplierImages] ([SupplierProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205045205_Issue17ProfileImages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205045205_Issue17ProfileImages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205071514_Issue17ImageRetirement'
)
BEGIN
    ALTER TABLE [SupplierImages] ADD [ReleasedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205071514_Issue17ImageRetirement'
)
BEGIN
    ALTER TABLE [SupplierImages] ADD [RetiredAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205071514_Issue17ImageRetirement'
)
BEGIN
    ALTER TABLE [SupplierImages] ADD [RetiredReason] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205071514_Issue17ImageRetirement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205071514_Issue17ImageRetirement', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205092011_AppendOnlyLaterRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ProposalRuleFlags_AppendOnly] ON [ProposalRuleFlags] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''ProposalRuleFlags is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205092011_AppendOnlyLaterRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ApplicationEvents_AppendOnly] ON [ApplicationEvents] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''ApplicationEvents is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205092011_AppendOnlyLaterRecords'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_IssuedReportRevocations_AppendOnly] ON [IssuedReportRevocations] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''IssuedReportRevocations is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205092011_AppendOnlyLaterRecords'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205092011_AppendOnlyLaterRecords', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205094916_Issue21LedgerIndexes'
)
BEGIN
    CREATE INDEX [IX_Proposals_Waiting] ON [Proposals] ([Status], [StatusChangedAt], [Id], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205094916_Issue21LedgerIndexes'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_Kind_ProgramId_EntryDate_Id] ON [DisbursementEntries] ([Kind], [ProgramId], [EntryDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205094916_Issue21LedgerIndexes'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_Source_ProgramId_EntryDate_Id] ON [DisbursementEntries] ([Source], [ProgramId], [EntryDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205094916_Issue21LedgerIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205094916_Issue21LedgerIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122744_Issue21BalanceTotals'
)
BEGIN
    CREATE INDEX [IX_DisbursementEntries_Kind_Source_ProgramId_EntryDate_Id] ON [DisbursementEntries] ([Kind], [Source], [ProgramId], [EntryDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122744_Issue21BalanceTotals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205122744_Issue21BalanceTotals', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205131154_Issue21SearchTotals'
)
BEGIN
    CREATE INDEX [IX_Proposals_SearchTotals] ON [Proposals] ([Id], [ProgramId], [Status], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205131154_Issue21SearchTotals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205131154_Issue21SearchTotals', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    CREATE TABLE [ProposalLedgerFigures] (
        [ProposalId] int NOT NULL,
        [ProgramId] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ProvincialCeiling] bigint NOT NULL,
        [OtherCeiling] bigint NOT NULL,
        [ProvincialCount] int NOT NULL,
        [Provincial] bigint NOT NULL,
        [OtherCount] int NOT NULL,
        [Other] bigint NOT NULL,
        [LastAdvanceDate] date NULL,
        [Advanced] bigint NOT NULL,
        [LastFinalDate] date NULL,
        [OverCeiling] AS CASE WHEN ([ProvincialCount] > 0 AND [Provincial] > [ProvincialCeiling]) OR ([OtherCount] > 0 AND [Other] > [OtherCeiling]) THEN 1 ELSE 0 END PERSISTED,
        [OpenAdvance] AS CASE WHEN [Status] = 'Settled' AND [LastAdvanceDate] IS NOT NULL AND ([LastFinalDate] IS NULL OR [LastFinalDate] < [LastAdvanceDate]) THEN 1 ELSE 0 END PERSISTED,
        CONSTRAINT [PK_ProposalLedgerFigures] PRIMARY KEY ([ProposalId]),
        CONSTRAINT [FK_ProposalLedgerFigures_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    CREATE INDEX [IX_Proposals_ProgramId_EndYear] ON [Proposals] ([ProgramId], [EndYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    CREATE INDEX [IX_Proposals_ProgramId_StartYear] ON [Proposals] ([ProgramId], [StartYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    CREATE INDEX [IX_ProposalLedgerFigures_ProgramId_OpenAdvance] ON [ProposalLedgerFigures] ([ProgramId], [OpenAdvance]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    CREATE INDEX [IX_ProposalLedgerFigures_ProgramId_OverCeiling] ON [ProposalLedgerFigures] ([ProgramId], [OverCeiling]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    INSERT INTO [ProposalLedgerFigures] ([ProposalId], [ProgramId], [Status], [ProvincialCeiling], [OtherCeiling],
        [ProvincialCount], [Provincial], [OtherCount], [Other], [LastAdvanceDate], [Advanced], [LastFinalDate])
    SELECT p.[Id], p.[ProgramId], p.[Status], COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0), COALESCE(p.[SettledTotalCost], p.[ApprovedTotalCost], 0) - COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0),
           s.[ProvincialCount], s.[Provincial], s.[OtherCount], s.[Other], l.[LastAdvanceDate], COALESCE(l.[Advanced], 0), l.[LastFinalDate]
    FROM (
        SELECT [ProposalId],
               SUM(CASE WHEN [Source] = N'ProvincialBudget' THEN 1 ELSE 0 END) AS [ProvincialCount],
               SUM(CASE WHEN [Source] = N'ProvincialBudget' THEN [Amount] ELSE 0 END) AS [Provincial],
               SUM(CASE WHEN [Source] <> N'ProvincialBudget' THEN 1 ELSE 0 END) AS [OtherCount],
               SUM(CASE WHEN [Source] <> N'ProvincialBudget' THEN [Amount] ELSE 0 END) AS [Other]
        FROM [DisbursementEntries] GROUP BY [ProposalId]) AS s
    INNER JOIN [Proposals] AS p ON p.[Id] = s.[ProposalId]
    OUTER APPLY (
        SELECT MAX(CASE WHEN e.[Kind] = N'Advance' THEN e.[EntryDate] END) AS [LastAdvanceDate],
               SUM(CASE WHEN e.[Kind] = N'Advance' THEN e.[Amount] END) AS [Advanced],
               MAX(CASE WHEN e.[Kind] IN (N'Payment', N'SettlementAdjustment') THEN e.[EntryDate] END) AS [LastFinalDate]
        FROM [DisbursementEntries] AS e
        WHERE e.[ProposalId] = s.[ProposalId] AND e.[Kind] <> N'Reversal'
          AND NOT EXISTS (SELECT 1 FROM [DisbursementEntries] AS r WHERE r.[ReversesEntryId] = e.[Id])) AS l;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_DisbursementEntries_LedgerFigures] ON [DisbursementEntries] AFTER INSERT AS
    BEGIN
        SET NOCOUNT ON;
        INSERT INTO [ProposalLedgerFigures] ([ProposalId], [ProgramId], [Status], [ProvincialCeiling], [OtherCeiling],
            [ProvincialCount], [Provincial], [OtherCount], [Other], [LastAdvanceDate], [Advanced], [LastFinalDate])
        SELECT p.[Id], p.[ProgramId], p.[Status], COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0), COALESCE(p.[SettledTotalCost], p.[ApprovedTotalCost], 0) - COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0), 0, 0, 0, 0, NULL, 0, NULL
        FROM [Proposals] AS p
        WHERE p.[Id] IN (SELECT [ProposalId] FROM inserted)
          AND NOT EXISTS (SELECT 1 FROM [ProposalLedgerFigures] AS f WHERE f.[ProposalId] = p.[Id]);
        UPDATE f SET
            [ProvincialCount] = f.[ProvincialCount] + a.[ProvincialCount],
            [Provincial] = f.[Provincial] + a.[Provincial],
            [OtherCount] = f.[OtherCount] + a.[OtherCount],
            [Other] = f.[Other] + a.[Other],
            [LastAdvanceDate] = CASE WHEN a.[LastAdvanceDate] IS NOT NULL AND (f.[LastAdvanceDate] IS NULL OR a.[LastAdvanceDate] > f.[LastAdvanceDate])
                THEN a.[LastAdvanceDate] ELSE f.[LastAdvanceDate] END,
            [Advanced] = f.[Advanced] + a.[Advanced],
            [LastFinalDate] = CASE WHEN a.[LastFinalDate] IS NOT NULL AND (f.[LastFinalDate] IS NULL OR a.[LastFinalDate] > f.[LastFinalDate])
                THEN a.[LastFinalDate] ELSE f.[LastFinalDate] END
        FROM [ProposalLedgerFigures] AS f
        INNER JOIN (
            SELECT [ProposalId],
                SUM(CASE WHEN [Source] = N''ProvincialBudget'' THEN 1 ELSE 0 END) AS [ProvincialCount],
                SUM(CASE WHEN [Source] = N''ProvincialBudget'' THEN [Amount] ELSE 0 END) AS [Provincial],
                SUM(CASE WHEN [Source] <> N''ProvincialBudget'' THEN 1 ELSE 0 END) AS [OtherCount],
                SUM(CASE WHEN [Source] <> N''ProvincialBudget'' THEN [Amount] ELSE 0 END) AS [Other],
                MAX(CASE WHEN [Kind] = N''Advance'' THEN [EntryDate] END) AS [LastAdvanceDate],
                SUM(CASE WHEN [Kind] = N''Advance'' THEN [Amount] ELSE 0 END) AS [Advanced],
                MAX(CASE WHEN [Kind] IN (N''Payment'', N''SettlementAdjustment'') THEN [EntryDate] END) AS [LastFinalDate]
            FROM inserted GROUP BY [ProposalId]) AS a ON a.[ProposalId] = f.[ProposalId];
        UPDATE f SET [LastAdvanceDate] = l.[LastAdvanceDate], [Advanced] = COALESCE(l.[Advanced], 0), [LastFinalDate] = l.[LastFinalDate]
        FROM [ProposalLedgerFigures] AS f
        CROSS APPLY (
            SELECT MAX(CASE WHEN e.[Kind] = N''Advance'' THEN e.[EntryDate] END) AS [LastAdvanceDate],
                   SUM(CASE WHEN e.[Kind] = N''Advance'' THEN e.[Amount] END) AS [Advanced],
                   MAX(CASE WHEN e.[Kind] IN (N''Payment'', N''SettlementAdjustment'') THEN e.[EntryDate] END) AS [LastFinalDate]
            FROM [DisbursementEntries] AS e
            WHERE e.[ProposalId] = f.[ProposalId] AND e.[Kind] <> N''Reversal''
              AND NOT EXISTS (SELECT 1 FROM [DisbursementEntries] AS r WHERE r.[ReversesEntryId] = e.[Id])) AS l
        WHERE f.[ProposalId] IN (SELECT [ProposalId] FROM inserted WHERE [ReversesEntryId] IS NOT NULL);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Proposals_LedgerFigures] ON [Proposals] AFTER UPDATE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT (UPDATE([Status]) OR UPDATE([ProgramId]) OR UPDATE([SettledProvincialShare]) OR UPDATE([ApprovedProvincialShare])
            OR UPDATE([SettledTotalCost]) OR UPDATE([ApprovedTotalCost])) RETURN;
        UPDATE f SET [Status] = p.[Status], [ProgramId] = p.[ProgramId],
            [ProvincialCeiling] = COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0), [OtherCeiling] = COALESCE(p.[SettledTotalCost], p.[ApprovedTotalCost], 0) - COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0)
        FROM [ProposalLedgerFigures] AS f
        INNER JOIN inserted AS p ON p.[Id] = f.[ProposalId];
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205144540_Issue21ReconciliationKept'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205144540_Issue21ReconciliationKept', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    CREATE TABLE [BalanceInputChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [ProposalId] int NULL,
        CONSTRAINT [PK_BalanceInputChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Proposals_BalanceInputs] ON [Proposals] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
        INSERT INTO [BalanceInputChanges] ([ProposalId])
        SELECT i.[Id] FROM inserted AS i LEFT JOIN deleted AS d ON d.[Id] = i.[Id]
        WHERE d.[Id] IS NULL OR EXISTS (
            SELECT i.[Code], i.[Title], i.[SearchText], i.[ProgramId], i.[ContentItemId], i.[LeadOrganizationId], i.[StartYear], i.[EndYear],
                   i.[Status], i.[StatusChangedAt], i.[IsSample], i.[RequestedTotalCost], i.[RequestedProvincialShare], i.[ApprovedTotalCost],
                   i.[ApprovedProvincialShare], i.[SettledTotalCost], i.[SettledProvincialShare], i.[ConcurrencyStamp]
            EXCEPT
            SELECT d.[Code], d.[Title], d.[SearchText], d.[ProgramId], d.[ContentItemId], d.[LeadOrganizationId], d.[StartYear], d.[EndYear],
                   d.[Status], d.[StatusChangedAt], d.[IsSample], d.[RequestedTotalCost], d.[RequestedProvincialShare], d.[ApprovedTotalCost],
                   d.[ApprovedProvincialShare], d.[SettledTotalCost], d.[SettledProvincialShare], d.[ConcurrencyStamp])
        UNION
        SELECT d.[Id] FROM deleted AS d WHERE NOT EXISTS (SELECT 1 FROM inserted AS i WHERE i.[Id] = d.[Id]);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Programs_BalanceInputs] ON [Programs] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES (NULL);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ContentGroups_BalanceInputs] ON [ContentGroups] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES (NULL);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_ContentItems_BalanceInputs] ON [ContentItems] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES (NULL);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Organizations_BalanceInputs] ON [Organizations] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES (0);
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205151847_Issue21LedgerAfterChange'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205151847_Issue21LedgerAfterChange', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205160359_Issue21PublicProgramOrder'
)
BEGIN
    CREATE INDEX [IX_Proposals_PublicOrder] ON [Proposals] ([ProgramId], [StartYear] DESC, [Code], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205160359_Issue21PublicProgramOrder'
)
BEGIN
    CREATE INDEX [IX_Proposals_Running] ON [Proposals] ([ProgramId], [Status], [EndYear], [StartYear], [ContentItemId], [ApprovedProvincialShare]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205160359_Issue21PublicProgramOrder'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205160359_Issue21PublicProgramOrder', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205184554_Issue21RegisterParts'
)
BEGIN
    DROP INDEX [IX_Proposals_Figures] ON [Proposals];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205184554_Issue21RegisterParts'
)
BEGIN
    DROP INDEX [IX_Proposals_SearchTotals] ON [Proposals];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205184554_Issue21RegisterParts'
)
BEGIN
    CREATE INDEX [IX_Proposals_Figures] ON [Proposals] ([ProgramId], [Status], [StartYear], [ContentItemId], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare], [LeadOrganizationId], [EndYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205184554_Issue21RegisterParts'
)
BEGIN
    CREATE INDEX [IX_Proposals_SearchTotals] ON [Proposals] ([Id], [ProgramId], [Status], [SettledTotalCost], [ApprovedTotalCost], [RequestedTotalCost], [SettledProvincialShare], [ApprovedProvincialShare], [RequestedProvincialShare], [LeadOrganizationId], [ContentItemId], [StartYear], [EndYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205184554_Issue21RegisterParts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205184554_Issue21RegisterParts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206055215_Issue21AuditByTypeAndTime'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_At] ON [AuditEntries] ([EntityType], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206055215_Issue21AuditByTypeAndTime'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206055215_Issue21AuditByTypeAndTime', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206061722_Issue21RegisterByStatus'
)
BEGIN
    CREATE INDEX [IX_Proposals_Status_Code] ON [Proposals] ([Status], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206061722_Issue21RegisterByStatus'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206061722_Issue21RegisterByStatus', N'10.0.15');
END;

COMMIT;
GO

