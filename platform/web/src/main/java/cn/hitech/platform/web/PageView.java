package cn.hitech.platform.web;

import java.util.List;

/** One page of a list: the items, the page asked for (from 0), its size, and how many items match in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
