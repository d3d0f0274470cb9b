"""The window's toolkit: the task runner, messages, table models, widgets and style."""
