-- Item catalogs (src/ActorSegments.Domain/Catalog): the attributes content-based recommendations read. Each applied
-- upsert or delete batch bumps the workspace's version in catalog_versions, in the same transaction as its rows; an
-- item row carries the version it was last written in. Deletes remove rows (no tombstones). item_count is kept with the
-- version so the size limit is checked under the same row lock, without counting the items.
CREATE TABLE catalog_versions
(
    workspace_id text   COLLATE "C" NOT NULL PRIMARY KEY,
    version      bigint NOT NULL,
    item_count   bigint NOT NULL
);

CREATE TABLE catalog_items
(
    workspace_id text    COLLATE "C" NOT NULL,
    item_id      text    COLLATE "C" NOT NULL,
    title        text    NOT NULL,
    description  text    NOT NULL,
    category     text[]  NOT NULL,
    brand        text    NOT NULL,
    price        numeric,
    currency     text,
    tags         text[]  NOT NULL,
    version      bigint  NOT NULL,

    PRIMARY KEY (workspace_id, item_id)
);
