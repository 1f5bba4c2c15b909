-- The query catalog of Orleans' ADO.NET providers. At start every provider runs
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- and executes the stored text with named parameters (@Name), reading results by column name. The table name is
-- fixed by the providers; the tables and functions the queries touch are this project's own (later scripts).
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
