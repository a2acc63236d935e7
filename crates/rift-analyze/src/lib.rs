//! Positions of factions, actors and outlets on an issue; divergence from the reference.
