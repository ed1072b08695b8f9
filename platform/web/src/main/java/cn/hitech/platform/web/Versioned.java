package cn.hitech.platform.web;

/**
 * A response that shows one object at one version. {@link VersionTagFilter} gives it an {@code ETag}, which the
 * caller sends back as {@code If-Match} on its next write (see {@link ExpectedVersion}).
 */
public interface Versioned {

    long version();
}
