"""Store backends behind one small interface (base.Store)."""
