//! Stance toward configured issues: explainable rules (and a trained model).
