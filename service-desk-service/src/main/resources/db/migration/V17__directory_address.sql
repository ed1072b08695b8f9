-- The directory also keeps the enterprise's address and legal representative (法定代表人), carried by enterprise.*
-- events since they were added to v1: the one-thing form (一表申请) prefills them for the enterprise's own applications.
ALTER TABLE enterprise_directory
    ADD COLUMN address               VARCHAR(300),
    ADD COLUMN legal_representative  VARCHAR(50);
