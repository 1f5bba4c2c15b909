-- A propensity model version's customer scores at its scoring pass (src/ActorSegments.Domain/Modeling/ScoreDistribution),
-- from which customers' percentiles are given, also for customers rescored live later. Null for versions stored before
-- this column and for models that are not propensities.
ALTER TABLE ml_models ADD COLUMN score_distribution bytea;
