package dev.rulesync.cli;

/** The {@code --type} of plain rule files, as every command spells it (picocli matches the constant names). */
enum TypeOption { metrics, logs }
