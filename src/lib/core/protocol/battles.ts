/** Battle sessions and performance metrics as the edge stores them (issue #6). */
export {};
