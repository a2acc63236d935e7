//! Knowledge base: factions, actors, outlets, time-bounded ties; alias matching and resolution.
