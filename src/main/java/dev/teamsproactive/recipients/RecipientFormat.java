package dev.teamsproactive.recipients;

/** How a recipients file is written. */
public enum RecipientFormat { CSV, JSON, XLSX }
