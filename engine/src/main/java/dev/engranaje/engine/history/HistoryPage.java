package dev.engranaje.engine.history;

import java.util.List;
import java.util.Map;

/**
 * One page of search results: rows by API field name with API values (keys and dates as text,
 * JSON parsed), the total number of matches and where the page starts.
 */
public record HistoryPage(List<Map<String, Object>> items, long total, int from) {}
