"""Reads a mail draft as a mail client does (Python's email package, strict policy): prints the
subject, the recipient, the parts' types and their decoded text; exits 1 on any defect."""
import email
import email.policy
import sys

with open(sys.argv[1], "rb") as handle:
    message = email.message_from_binary_file(handle, policy=email.policy.strict)
if message.defects or any(part.defects for part in message.walk()):
    sys.exit(1)
print("subject:", message["Subject"])
print("to:", message["To"] or "")
print("type:", message.get_content_type())
for part in message.iter_parts():
    print("part:", part.get_content_type(), part.get_content_charset())
    print(part.get_content())
