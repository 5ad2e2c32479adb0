"""The Remote API: hwgw listens, the game connects and answers requests."""
