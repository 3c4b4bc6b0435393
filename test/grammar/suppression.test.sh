# SYNTAX TEST "source.shell" "greenml suppression comments in shell launchers"

torchrun --nproc_per_node 8 train.py  # greenml: ignore[GML101, GML301]
#                                       ^^^^^^^ comment.line.number-sign.shell keyword.control.directive.greenml
#                                                ^^^^^^ keyword.control.directive.suppression.greenml
#                                                       ^^^^^^ constant.other.rule-code.greenml
#                                                             ^ punctuation.separator.comma.greenml
#                                                               ^^^^^^ constant.other.rule-code.greenml

deepspeed train.py  # noqa: GML101
#                     ^^^^ keyword.control.directive.noqa.greenml
#                           ^^^^^^ constant.other.rule-code.greenml

# plain comments stay plain, and so do strings and shebang-like text
# a comment without directives
# <- comment.line.number-sign.shell punctuation.definition.comment.shell
echo "# greenml: ignore[GML101]"
#       ^^^^^^^ string.quoted.double.shell - keyword.control.directive.greenml
echo greenml: ignore
#    ^^^^^^^ - keyword.control.directive.greenml
